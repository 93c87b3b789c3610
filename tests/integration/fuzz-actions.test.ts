/**
 * Every server action, called as Next.js calls it (bound ids, previous state,
 * FormData), with generated malformed input and the right person signed in.
 * The rule: a clear, specific message, never an unexpected error, and nothing
 * written (a fingerprint of every table is unchanged).
 */
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rowsOf, type Db, type DbHandle } from "@/db/client";
import type { Principal } from "@/lib/auth/roles";
import { IDLE } from "@/lib/forms/form-state";
import { principal } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";
import { badForm, badId, badString, changedTables, fingerprint, FUZZ_RUNS } from "../helpers/fuzz";
import { newDouble, routeToDb } from "../helpers/webhook-harness";

const session = vi.hoisted(() => ({ me: null as Principal | null, ip: "198.51.100.1" }));

vi.mock("@/lib/auth/config", () => ({ currentPrincipal: async () => session.me, auth: async () => null }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("redirect"), { redirectTo: url });
  },
  notFound: () => {
    throw Object.assign(new Error("notFound"), { notFound: true });
  },
  unstable_rethrow: (e: { redirectTo?: string; notFound?: boolean }) => {
    if (e?.redirectTo || e?.notFound) throw e;
  },
}));
vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  unstable_cache: <T>(fn: T) => fn,
}));
vi.mock("next/headers", () => ({
  // The client address is the socket's (stamped as x-openbond-peer); X-Forwarded-For is ignored.
  headers: async () => new Headers({ "x-forwarded-for": session.ip, "x-openbond-peer": session.ip }),
  cookies: async () => ({ set: () => {}, get: () => undefined }),
}));
vi.mock("next-intl/server", async () => {
  const messages = (await import("@/messages/en.json")).default as Record<string, Record<string, string>>;
  return {
    getTranslations: async ({ namespace }: { namespace: string }) => {
      const t = (key: string) => messages[namespace]?.[key] ?? `${namespace}.${key}`;
      t.has = (key: string) => key in (messages[namespace] ?? {});
      return t;
    },
  };
});

const { startGift } = await import("@/app/[locale]/campaigns/[slug]/actions");
const lawyerActions = {
  ...(await import("@/app/(staff)/lawyer/campaigns/actions")),
  ...(await import("@/app/(staff)/lawyer/campaigns/[id]/actions")),
  ...(await import("@/app/(staff)/lawyer/profile/actions")),
};
const adminActions = {
  ...(await import("@/app/(staff)/admin/actions")),
  ...(await import("@/app/(staff)/admin/reviews/[id]/actions")),
};
const { requestBondAction } = await import("@/app/(staff)/lawyer/campaigns/[id]/request-bond/actions");
const { bondAction } = await import("@/app/(staff)/treasury/bonds/[id]/actions");
const { refundGiftAction, resolvePurposeFailureAction } = await import("@/app/(staff)/treasury/gifts/actions");
const { addRateAction } = await import("@/app/(staff)/treasury/rates/actions");
const { importBankAction } = await import("@/app/(staff)/treasury/reconciliation/actions");
const offline = {
  ...(await import("@/app/(staff)/treasury/offline-gifts/actions")),
  ...(await import("@/app/(staff)/treasury/reconciliation/deposits/actions")),
};
const { consoleAction } = await import("@/app/dev/stripe/actions");
const { BOND_FORMS } = await import("@/lib/bonds/bond-forms");

const GENERIC = [/Something went wrong/i, /went wrong on our side/i];

let h: DbHandle;
let db: Db;
const people = {} as Record<"admin" | "lawyer" | "treasurer", Principal>;
const ids = {} as Record<"live" | "draft" | "bond" | "donation" | "lawyerUser" | "slug", string>;

beforeAll(async () => {
  h = await createTestDb({ demo: "run" }); // the demo fund, seeded once per run
  db = h.db;
  routeToDb(h);
  newDouble();
  people.admin = await principal(db, "admin@openbond.example", []);
  people.treasurer = await principal(db, "treasurer@openbond.example", []);
  people.lawyer = await principal(db, "lawyer@openbond.example", []);
  const one = async (q: ReturnType<typeof sql>) =>
    String(Object.values(rowsOf<Record<string, unknown>>(await db.execute(q))[0] ?? { v: "" })[0]);
  ids.live = await one(sql`SELECT id FROM campaigns WHERE status = 'live' ORDER BY slug LIMIT 1`);
  ids.slug = await one(sql`SELECT slug FROM campaigns WHERE status = 'live' ORDER BY slug LIMIT 1`);
  ids.draft = await one(sql`SELECT id FROM campaigns WHERE status <> 'live' ORDER BY slug LIMIT 1`);
  ids.bond = await one(sql`SELECT id FROM bonds ORDER BY id LIMIT 1`);
  ids.donation = await one(sql`SELECT id FROM donations WHERE status = 'succeeded' ORDER BY id LIMIT 1`);
  ids.lawyerUser = people.lawyer.userId;
});
afterAll(async () => h?.close());

type Outcome = { kind: "refused"; message: string } | { kind: "done"; detail: string };

/** Normalise what the different actions return (three form-state shapes, or a redirect). */
async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  let r: unknown;
  try {
    r = await run();
  } catch (e) {
    const redirectTo = (e as { redirectTo?: string }).redirectTo;
    if (redirectTo?.startsWith("/sign-in")) return { kind: "refused", message: "Sign in first." };
    if (redirectTo) {
      // The dev console reports failures through its redirect note.
      const note = new URL(redirectTo, "http://x").searchParams.get("note");
      return note && !/ on (pi|sub)_|Payout created|Nothing available|No subscription|No successful payment/.test(note)
        ? { kind: "refused", message: note }
        : { kind: "done", detail: redirectTo };
    }
    if ((e as { notFound?: boolean }).notFound) return { kind: "refused", message: "404" };
    throw e;
  }
  const s = r as { status?: string; message?: string; error?: string; ok?: string; errors?: Record<string, string> };
  if (s.errors && Object.keys(s.errors).length) return { kind: "refused", message: Object.values(s.errors).join(" ") };
  if (s.status === "error")
    return {
      kind: "refused",
      message: [s.message, ...Object.values((r as { fieldErrors?: object }).fieldErrors ?? {})].join(" "),
    };
  if (s.error) return { kind: "refused", message: s.error };
  return { kind: "done", detail: JSON.stringify(r).slice(0, 200) };
}

/** Run one generated call: it must not throw; if refused, the message is specific and nothing changed. */
async function check(who: Principal | null, run: () => Promise<unknown>, label: string): Promise<Outcome> {
  session.me = who;
  session.ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
  const before = await fingerprint(db);
  const out = await outcomeOf(run);
  if (out.kind === "refused") {
    expect(out.message.trim(), `${label}: empty message`).not.toBe("");
    for (const g of GENERIC) expect(out.message, `${label}: generic message instead of a specific one`).not.toMatch(g);
    expect(changedTables(before, await fingerprint(db)), `${label}: refused but wrote`).toEqual([]);
  }
  return out;
}

const prop = (p: fc.IAsyncProperty<never>) => fc.assert(p, { numRuns: FUZZ_RUNS, endOnFailure: true });

describe("fuzz: server actions refuse malformed input clearly and write nothing", () => {
  it("donor give form (startGift)", async () => {
    const fields = [
      "amount",
      "customAmount",
      "frequency",
      "displayName",
      "email",
      "coverFee",
      "redirectConsent",
    ] as const;
    await prop(
      fc.asyncProperty(
        fc.oneof(fc.constant("__live__"), badString),
        fc.oneof(fc.constantFrom("en", "es"), badString),
        badForm(fields),
        async (slug, locale, fd) => {
          const s = slug === "__live__" ? ids.slug : slug;
          // Valid-looking locale only: the action's translations are keyed by it (an unknown one falls back to English).
          const out = await check(
            null,
            () =>
              startGift(
                s,
                ["en", "es"].includes(locale) ? locale : "en",
                { attempt: 0, values: {} as never, errors: {} },
                fd,
              ),
            "startGift",
          );
          if (s !== ids.slug) expect(out.kind).toBe("refused");
        },
      ) as never,
    );
  });

  it("lawyer: save campaign, propose edit, post update, case event, profile", async () => {
    const campaignFields = [
      "campaignId",
      "alias",
      "region",
      "summary",
      "story",
      "goal",
      "bondAmount",
      "fullName",
      "aNumber",
      "dateOfBirth",
      "countryOfOrigin",
      "facility",
      "consentPublication",
      "consentStory",
      "intent",
    ];
    await prop(
      fc.asyncProperty(badForm(campaignFields), async (fd) => {
        await check(
          people.lawyer,
          () => lawyerActions.saveCampaignAction({ status: "idle" }, fd),
          "saveCampaignAction",
        );
      }) as never,
    );
    await prop(
      fc.asyncProperty(badId(ids.draft, ids.live), badForm(["alias", "region", "summary", "story"]), async (id, fd) => {
        await check(
          people.lawyer,
          () => lawyerActions.proposeEditAction(id, { status: "idle" }, fd),
          "proposeEditAction",
        );
      }) as never,
    );
    await prop(
      fc.asyncProperty(
        badId(ids.draft, ids.live),
        badForm(["kind", "occurredOn", "note", "hearingOn", "amount"]),
        async (id, fd) => {
          await check(
            people.lawyer,
            () => lawyerActions.caseEventAction(id, { status: "idle" }, fd),
            "caseEventAction",
          );
        },
      ) as never,
    );
    await prop(
      fc.asyncProperty(badId(ids.draft, ids.live), badForm(["bodyEn", "bodyEs"]), async (id, fd) => {
        await check(people.lawyer, () => lawyerActions.postUpdateAction(id, IDLE, fd), "postUpdateAction");
      }) as never,
    );
    await prop(
      fc.asyncProperty(badForm(["fullName", "barNumber", "barState", "eoirId", "firm"]), async (fd) => {
        await check(
          people.lawyer,
          () => lawyerActions.submitProfileAction({ status: "idle" }, fd),
          "submitProfileAction",
        );
      }) as never,
    );
    await prop(
      fc.asyncProperty(badId(ids.live, ids.draft), badForm(["amount", "topUp"]), async (id, fd) => {
        await check(people.lawyer, () => requestBondAction(id, IDLE, fd), "requestBondAction");
      }) as never,
    );
  });

  it("admin: review lawyer, approve and return campaigns and updates", async () => {
    await prop(
      fc.asyncProperty(badId(ids.lawyerUser), badForm(["decision", "reason"]), async (id, fd) => {
        await check(
          people.admin,
          () => adminActions.reviewLawyerAction(id, { status: "idle" }, fd),
          "reviewLawyerAction",
        );
      }) as never,
    );
    await prop(
      fc.asyncProperty(badId(ids.live, ids.draft), badForm(["notes"]), async (id, fd) => {
        await check(people.admin, () => adminActions.approveAction(id, IDLE, fd), "approveAction");
        await check(people.admin, () => adminActions.returnAction(id, { status: "idle" }, fd), "returnAction");
      }) as never,
    );
    await prop(
      fc.asyncProperty(badId(ids.live), badForm(["notes"]), async (id, fd) => {
        await check(people.admin, () => adminActions.approveUpdateAction(id, IDLE, fd), "approveUpdateAction");
        await check(people.admin, () => adminActions.rejectUpdateAction(id, IDLE, fd), "rejectUpdateAction");
      }) as never,
    );
  });

  it("treasury: bond forms, gift refunds, purpose failure, rates, bank import", async () => {
    const bondFields = [
      "method",
      "traceNumber",
      "paidOn",
      "i305Number",
      "postedOn",
      "obligor",
      "received",
      "refundedOn",
      "note",
      "on",
      "reason",
      "amount",
    ];
    await prop(
      fc.asyncProperty(
        badId(ids.bond, ids.live),
        fc.oneof(fc.constantFrom(...BOND_FORMS), badString),
        badForm(bondFields),
        async (id, form, fd) => {
          await check(
            people.treasurer,
            () => bondAction(id, form as never, IDLE, fd),
            `bondAction ${form.slice(0, 20)}`,
          );
        },
      ) as never,
    );
    await prop(
      fc.asyncProperty(badId(ids.donation), badForm(["amount", "reason"]), async (id, fd) => {
        await check(people.treasurer, () => refundGiftAction(id, IDLE, fd), "refundGiftAction");
      }) as never,
    );
    await prop(
      fc.asyncProperty(badId(ids.live, ids.draft), async (id) => {
        await check(
          people.treasurer,
          () => resolvePurposeFailureAction(id, IDLE, new FormData()),
          "resolvePurposeFailureAction",
        );
      }) as never,
    );
    await prop(
      fc.asyncProperty(badForm(["quarterStart", "ratePercent"]), async (fd) => {
        await check(people.treasurer, () => addRateAction(IDLE, fd), "addRateAction");
      }) as never,
    );
    await prop(
      fc.asyncProperty(
        fc.oneof(badString, fc.constant("date,amount,description\n2024-13-45,abc,x\n"), fc.constant("\ufeff;;;\n\n")),
        async (text) => {
          const fd = new FormData();
          fd.set("statement", new File([text], "statement.csv", { type: "text/csv" }));
          await check(people.treasurer, () => importBankAction(IDLE, fd), "importBankAction");
        },
      ) as never,
    );
  });

  it("dev Stripe console", async () => {
    session.ip = "127.0.0.1"; // the console answers this machine only (lib/dev/dev-access.ts)
    await prop(
      fc.asyncProperty(badForm(["action", "target", "amount"]), async (fd) => {
        await check(null, () => consoleAction(fd), "consoleAction");
      }) as never,
    );
  });

  it("offline gifts: record, reverse, match a deposit", async () => {
    const fields = [
      "method",
      "donorName",
      "email",
      "amount",
      "receivedOn",
      "reference",
      "campaign",
      "showOnWall",
      "locale",
      "token",
    ];
    const base = {
      method: "check",
      donorName: "Fuzz Donor",
      amount: "12.00",
      receivedOn: "2026-01-02",
      reference: "77",
    };
    await prop(
      fc.asyncProperty(badForm(fields, base), async (fd) => {
        await check(people.treasurer, () => offline.recordOfflineGiftAction(IDLE, fd), "recordOfflineGiftAction");
      }) as never,
    );
    await prop(
      fc.asyncProperty(badId(ids.donation), badForm(["reason"]), async (id, fd) => {
        await check(people.treasurer, () => offline.reverseOfflineGiftAction(id, IDLE, fd), "reverseOfflineGiftAction");
      }) as never,
    );
    await prop(
      fc.asyncProperty(badId(ids.donation), fc.array(badId(ids.donation), { maxLength: 3 }), async (line, gifts) => {
        const fd = new FormData();
        for (const g of gifts) fd.append("giftIds", g);
        await check(people.treasurer, () => offline.matchDepositAction(line, IDLE, fd), "matchDepositAction");
      }) as never,
    );
    for (const who of [null, people.lawyer, people.admin]) {
      const fd = new FormData();
      for (const [k, v] of Object.entries(base)) fd.set(k, v);
      const out = await check(who, () => offline.recordOfflineGiftAction(IDLE, fd), "offline gift by the wrong person");
      expect(out.kind).toBe("refused");
    }
  });

  it("the wrong person (or nobody) is refused with a message, never an error page", async () => {
    const fd = new FormData();
    fd.set("amount", "10");
    for (const who of [null, people.lawyer]) {
      const out = await check(who, () => refundGiftAction(ids.donation, IDLE, fd), "refund by the wrong person");
      expect(out.kind).toBe("refused");
    }
  });
});
