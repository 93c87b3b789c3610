/**
 * The deadline each ICE notice starts (DOMAIN.md "After the bond is paid"):
 * I-340 → deliver the person at the date and time on the demand, in the
 * facility's time zone; I-323 → appeal on Form I-290B within 30 days of service,
 * 33 if served by mail (8 CFR 103.8(b): three days added for mail), counted in
 * calendar days and ending at the end of that day in the fund's time zone;
 * I-391 → mail the refund claim within the fund's own target. Pure.
 */
import { addDays, endOfDay, zonedInstant } from "./zoned-time";

export type NoticeForm = "I-340" | "I-323" | "I-391" | "I-305" | "other";
export type ServiceMethod = "mail" | "email" | "in_person";
export type DeadlineKind = "deliver_person" | "appeal_i290b" | "refund_claim";

const MAIL_EXTRA_DAYS = 3;

/** Days to appeal an I-323 served by this method (BOND_APPEAL_DAYS, plus three when mailed). */
export function appealDaysFor(servedBy: ServiceMethod | null | undefined, baseDays: number): number {
  return baseDays + (servedBy === "mail" ? MAIL_EXTRA_DAYS : 0);
}

export interface DeadlineRules {
  appealDays: number;
  refundClaimDays: number;
  /** The fund's time zone, for deadlines counted in days. */
  fundTimeZone: string;
}

export interface DeadlineInput {
  form: NoticeForm;
  servedOn: string;
  servedBy: ServiceMethod;
  /** I-340 only. */
  delivery?: { date: string; time: string; timeZone: string };
}

export interface Deadline {
  kind: DeadlineKind;
  at: Date;
  /** The calendar day of the deadline, in the zone it is counted in. */
  day: string;
  timeZone: string;
}

export function deadlineFor(n: DeadlineInput, rules: DeadlineRules): Deadline | null {
  switch (n.form) {
    case "I-340": {
      const d = n.delivery!;
      const at = zonedInstant(d.date, d.time, d.timeZone, "The I-340 delivery time");
      return { kind: "deliver_person", at, day: d.date, timeZone: d.timeZone };
    }
    case "I-323": {
      const day = addDays(n.servedOn, appealDaysFor(n.servedBy, rules.appealDays));
      return { kind: "appeal_i290b", at: endOfDay(day, rules.fundTimeZone), day, timeZone: rules.fundTimeZone };
    }
    case "I-391": {
      const day = addDays(n.servedOn, rules.refundClaimDays);
      return { kind: "refund_claim", at: endOfDay(day, rules.fundTimeZone), day, timeZone: rules.fundTimeZone };
    }
    default:
      return null;
  }
}

export const DEADLINE_LABEL: Record<DeadlineKind, string> = {
  deliver_person: "Deliver the person (I-340)",
  appeal_i290b: "Appeal on Form I-290B (I-323)",
  refund_claim: "Mail the refund claim (I-391)",
};
