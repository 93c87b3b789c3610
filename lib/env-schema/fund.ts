/** Settings of the fund's policy: fees, receipts, limits, bond deadlines, reminders. */
import "server-only";
import { z } from "zod";
import { scheduleSchema } from "@/lib/reminders/schedule";
import { emptyToUndefined } from "./preprocess";

export const fundFields = {
  /** Which fund absorbs the card processing fee when the donor does not cover it. */
  FUND_FEE_BEARER: z.preprocess(emptyToUndefined, z.enum(["campaign", "general"]).default("campaign")),
  /** The fund's card rate (basis points + cents): Stripe's standard 290 + 30, or 220 + 30 on the nonprofit rate. */
  FUND_CARD_FEE_PERCENT_BPS: z.coerce.number().int().min(0).max(1_000).default(290),
  FUND_CARD_FEE_FIXED_CENTS: z.coerce.number().int().min(0).max(1_000).default(30),
  /** The fund's bank-debit (ACH) rate: Stripe's 0.8% (80 bps), capped at $5 (500 cents). */
  FUND_BANK_FEE_PERCENT_BPS: z.coerce.number().int().min(0).max(1_000).default(80),
  FUND_BANK_FEE_CAP_CENTS: z.coerce.number().int().min(0).max(100_000).default(500),
  /** Smallest one-time gift offered bank debit, in cents (default $500); 0 turns bank debit off. */
  FUND_ACH_MIN_CENTS: z.coerce.number().int().min(0).max(10_000_000_000).default(50_000),
  /** Which fund absorbs a lost dispute and Stripe's dispute fee. */
  FUND_DISPUTE_BEARER: z.preprocess(emptyToUndefined, z.enum(["campaign", "general"]).default("general")),
  /** Show gift amounts on the public donor wall (names are always the donor's choice). */
  DONOR_WALL_AMOUNTS: z.preprocess(emptyToUndefined, z.enum(["show", "hide"]).default("show")),
  /** Largest single gift accepted online, in cents (default $25,000). The minimum is fixed at $5. */
  DONATION_MAX_CENTS: z.coerce.number().int().min(500).max(10_000_000_000).default(2_500_000),
  /**
   * The receipt's deductibility sentence, per the fund's counsel: `discretion` (deductible: the fund keeps
   * discretion over the money) or `earmarked` (not deductible: the gift is earmarked for a named person).
   * The older `true` / `false` still mean discretion / earmarked.
   */
  FUND_DEDUCTIBLE: z.preprocess(
    emptyToUndefined,
    z
      .enum(["discretion", "earmarked", "true", "false"])
      .default("earmarked")
      .transform((v) => (v === "true" ? "discretion" : v === "false" ? "earmarked" : v)),
  ),
  /** The fund's legal name and EIN, as the IRS knows them (written acknowledgments). Required in production. */
  FUND_LEGAL_NAME: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
  FUND_EIN: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d{2}-\d{7}$/, "FUND_EIN must be the fund's EIN written NN-NNNNNNN, e.g. 12-3456789")
      .optional(),
  ),
  /** The fund's mailing address, printed under its name on receipts and statements (optional). */
  FUND_ADDRESS: z.preprocess(emptyToUndefined, z.string().max(300).optional()),
  /** Checkout sessions allowed per hour per IP address and per email address. */
  CHECKOUT_LIMIT_PER_IP: z.coerce.number().int().min(1).max(10_000).default(10),
  CHECKOUT_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).max(10_000).default(5),
  /** Sign-in links allowed per hour per email address and per client address. */
  SIGN_IN_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).max(10_000).default(5),
  SIGN_IN_LIMIT_PER_CLIENT: z.coerce.number().int().min(1).max(100_000).default(30),
  /**
   * Passkeys' relying-party id: a host name, the app's own (APP_URL's host) by default, or a
   * parent domain of it (lib/auth/passkeys/relying-party.ts). Never taken from a request header.
   */
  WEBAUTHN_RP_ID: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(
        /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/,
        "WEBAUTHN_RP_ID must be a host name such as bonds.example.org",
      )
      .optional(),
  ),
  /** Recovery-code attempts allowed per person per hour. */
  RECOVERY_CODE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(10),
  /** Bond payments of this many cents or more need a second, different treasurer's approval (default $10,000). */
  BOND_SECOND_APPROVAL_CENTS: z.coerce.number().int().min(0).default(1_000_000),
  /** Treasurer dashboard: a released case with no I-391 after this many days is flagged. */
  BOND_I391_WATCH_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /** Days after the I-323 breach notice within which the obligor may appeal (docs/domain.md: 30, route unconfirmed). */
  BOND_APPEAL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Reminder offsets before each appointment (lib/reminders/schedule.ts): `14d`, `6h`, `30m`, `morning`. */
  REMINDER_SCHEDULE: z.preprocess(emptyToUndefined, z.string().default("14d,3d,1d,morning").pipe(scheduleSchema)),
  /** Local hour (in the appointment's time zone) of the "morning of" reminder. */
  REMINDER_MORNING_HOUR: z.coerce.number().int().min(0).max(12).default(7),
  /** How often each app instance looks for due reminders, and how long one claim holds a reminder. */
  REMINDER_LOOP_SECONDS: z.coerce.number().min(0.2).max(3600).default(30),
  REMINDER_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(120),
  REMINDER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** The fund's IANA time zone: day-counted deadlines (I-290B appeal, refund claim) end at midnight there. */
  FUND_TIME_ZONE: z.preprocess(emptyToUndefined, z.string().min(1).max(64).default("America/New_York")),
  /** The fund's own target for mailing the refund claim after an I-391 arrives (days). */
  BOND_REFUND_CLAIM_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** The daily deadline digest lists deadlines within this many days, and every overdue one. */
  DEADLINE_DIGEST_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** Hour of the day (in FUND_TIME_ZONE) from which the daily digest is sent. */
  DEADLINE_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** A refund claim mailed this many days ago with no refund gets a draft FOIA request (PDF). */
  BOND_FOIA_DAYS: z.coerce.number().int().min(90).max(3650).default(365),
  FUND_NAME: z.preprocess(emptyToUndefined, z.string().max(120).default("Open Bond Fund (demo)")),
};
