import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { journalEntries, ledgerPostings } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { pgErrorOf } from "@/lib/ledger/db-errors";
import {
  campaignAccount,
  bondAccount,
  getBalance,
  postEntry,
  reverseEntry,
  trialBalance,
  verifyCachedBalances,
  verifyDonorCounts,
  verifyKindTotals,
} from "@/lib/ledger";
import { insertBond, insertCampaign } from "../fixtures/campaigns";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
let campaign: string;

beforeAll(async () => {
  h = await createTestDb();
  campaign = await insertCampaign(h.db);
});
afterAll(async () => h?.close());

/** The database's own message (drizzle wraps driver errors in "Failed query: ..."). */
async function dbError(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, "expected the database to refuse").not.toBeNull();
  return pgErrorOf(e)?.message ?? String(e);
}

async function counts() {
  const [e] = rowsOf<{ n: number }>(await h.db.execute(sql`SELECT count(*)::int AS n FROM journal_entries`));
  const [p] = rowsOf<{ n: number }>(await h.db.execute(sql`SELECT count(*)::int AS n FROM ledger_postings`));
  return { entries: e!.n, postings: p!.n };
}

function donation(key: string, amount: number) {
  return {
    idempotencyKey: key,
    kind: "donation" as const,
    campaignId: campaign,
    debits: [{ account: "stripe" as const, amount }],
    credits: [{ account: campaignAccount(campaign), amount }],
  };
}

describe("postEntry", () => {
  it("posts, caches balances and replays idempotently", async () => {
    const first = await postEntry(h.db, donation("pi_basic_1", 2500));
    expect(first.replayed).toBe(false);
    expect(await getBalance(h.db, campaignAccount(campaign))).toBe(2500);
    expect(await getBalance(h.db, "stripe")).toBe(2500);
    const before = await counts();
    const again = await postEntry(h.db, {
      ...donation("pi_basic_1", 2500),
      memo: "a different memo is not different content",
    });
    expect(again).toEqual({ entryId: first.entryId, replayed: true });
    expect(await counts()).toEqual(before);
  });

  it("refuses a reused key with different content, writing nothing", async () => {
    const before = await counts();
    await expect(postEntry(h.db, donation("pi_basic_1", 2600))).rejects.toMatchObject({ code: "idempotency_conflict" });
    expect(await counts()).toEqual(before);
  });

  it.each([
    [
      "unbalanced",
      { debits: [{ account: "stripe", amount: 100 }], credits: [{ account: "general", amount: 99 }] },
      "unbalanced_entry",
      /does not balance: debits \$1\.00, credits \$0\.99/,
    ],
    [
      "float amount",
      { debits: [{ account: "stripe", amount: 1.5 }], credits: [{ account: "general", amount: 1.5 }] },
      "validation",
      /whole number of cents/,
    ],
    [
      "negative amount",
      { debits: [{ account: "stripe", amount: -5 }], credits: [{ account: "general", amount: -5 }] },
      "validation",
      /negative/,
    ],
    [
      "zero amount",
      { debits: [{ account: "stripe", amount: 0 }], credits: [{ account: "general", amount: 0 }] },
      "validation",
      /more than zero/,
    ],
    [
      "string amount",
      { debits: [{ account: "stripe", amount: "5" }], credits: [{ account: "general", amount: "5" }] },
      "validation",
      /whole number/,
    ],
    [
      "unknown account",
      { debits: [{ account: "cash", amount: 5 }], credits: [{ account: "general", amount: 5 }] },
      "unknown_account",
      /Unknown ledger account "cash"/,
    ],
    [
      "missing campaign",
      {
        debits: [{ account: "stripe", amount: 5 }],
        credits: [{ account: "campaign:00000000-0000-4000-8000-000000000000", amount: 5 }],
      },
      "unknown_account",
      /campaign:00000000/,
    ],
    ["no credits", { debits: [{ account: "stripe", amount: 5 }], credits: [] }, "validation", /at least one credit/],
    [
      "amount too large",
      { debits: [{ account: "stripe", amount: 1e15 }], credits: [{ account: "general", amount: 1e15 }] },
      "validation",
      /maximum/,
    ],
  ])("rejects %s with a specific error and writes nothing", async (_name, lines, code, message) => {
    const before = await counts();
    const err = await postEntry(h.db, { idempotencyKey: `bad-${_name}`, kind: "adjustment", ...lines } as never).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code });
    expect(err.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it("refuses to take a protected fund below zero", async () => {
    const err = await postEntry(h.db, {
      idempotencyKey: "overspend",
      kind: "reallocation",
      debits: [{ account: campaignAccount(campaign), amount: 2501 }],
      credits: [{ account: "general", amount: 2501 }],
    }).catch((e) => e);
    expect(err).toMatchObject({ code: "insufficient_funds" });
    expect(err.message).toContain("holds $25.00");
    expect(await getBalance(h.db, campaignAccount(campaign))).toBe(2500);
  });

  it("creates bond accounts on demand and keeps bonds_outstanding equal to them", async () => {
    const bond = await insertBond(h.db, campaign, 2000);
    await postEntry(h.db, {
      idempotencyKey: "seed-bank",
      kind: "payout",
      debits: [{ account: "bank", amount: 2500 }],
      credits: [{ account: "stripe", amount: 2500 }],
    });
    await postEntry(h.db, {
      idempotencyKey: "I305-TEST-1",
      kind: "bond_payment",
      campaignId: campaign,
      debits: [
        { account: bondAccount(bond), amount: 2000 },
        { account: campaignAccount(campaign), amount: 2000 },
      ],
      credits: [
        { account: "bank", amount: 2000 },
        { account: "bonds_outstanding", amount: 2000 },
      ],
    });
    expect(await getBalance(h.db, bondAccount(bond))).toBe(2000);
    expect(await getBalance(h.db, "bonds_outstanding")).toBe(2000);
    expect(await getBalance(h.db, campaignAccount(campaign))).toBe(500);
  });
});

describe("reverseEntry", () => {
  it("mirrors the original once, and never twice", async () => {
    const { entryId } = await postEntry(h.db, {
      idempotencyKey: "to-reverse",
      kind: "adjustment",
      debits: [{ account: "stripe", amount: 700 }],
      credits: [{ account: "general", amount: 700 }],
    });
    const general = await getBalance(h.db, "general");
    const rev = await reverseEntry(h.db, { entryId, idempotencyKey: "reverse:to-reverse", memo: "typo" });
    expect(await getBalance(h.db, "general")).toBe(general - 700);
    expect((await reverseEntry(h.db, { entryId, idempotencyKey: "reverse:to-reverse", memo: "typo" })).replayed).toBe(
      true,
    );
    await expect(reverseEntry(h.db, { entryId, idempotencyKey: "reverse:again", memo: "x" })).rejects.toMatchObject({
      code: "already_reversed",
    });
    await expect(reverseEntry(h.db, { entryId: rev.entryId, idempotencyKey: "rr", memo: "x" })).rejects.toMatchObject({
      code: "validation",
    });
    await expect(reverseEntry(h.db, { entryId: 999999, idempotencyKey: "nf", memo: "x" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("database-enforced invariants", () => {
  it("refuses UPDATE and DELETE on postings and entries", async () => {
    expect(await dbError(h.db.execute(sql`UPDATE ledger_postings SET amount = amount + 1`))).toMatch(/append-only/);
    expect(await dbError(h.db.execute(sql`DELETE FROM ledger_postings`))).toMatch(/append-only/);
    expect(await dbError(h.db.execute(sql`UPDATE journal_entries SET memo = 'x'`))).toMatch(/append-only/);
    expect(await dbError(h.db.execute(sql`DELETE FROM journal_entries`))).toMatch(/append-only/);
    expect(await dbError(h.db.execute(sql`TRUNCATE ledger_postings CASCADE`))).toMatch(/append-only/);
  });

  it("refuses direct changes to cached balances", async () => {
    expect(
      await dbError(h.db.execute(sql`UPDATE ledger_accounts SET balance = balance + 100 WHERE code = 'general'`)),
    ).toMatch(/only through postings/);
    expect(
      await dbError(h.db.execute(sql`UPDATE ledger_accounts SET allow_negative = true WHERE code = 'general'`)),
    ).toMatch(/cannot be redefined/);
  });

  it("refuses an unbalanced entry written with raw SQL", async () => {
    const msg = await dbError(
      h.db.transaction(async (tx) => {
        const [e] = await tx
          .insert(journalEntries)
          .values({ idempotencyKey: "raw-unbalanced", kind: "adjustment", contentHash: "x" })
          .returning();
        await tx.insert(ledgerPostings).values([
          { entryId: e!.id, accountCode: "stripe", amount: 100 },
          { entryId: e!.id, accountCode: "general", amount: -99 },
        ]);
      }),
    );
    expect(msg).toMatch(/does not balance/);
  });

  it("refuses postings added to an entry committed earlier", async () => {
    const { entryId } = await postEntry(h.db, {
      idempotencyKey: "closed-entry",
      kind: "adjustment",
      debits: [{ account: "stripe", amount: 5 }],
      credits: [{ account: "general", amount: 5 }],
    });
    const msg = await dbError(
      h.db.transaction(async (tx) => {
        await tx.insert(ledgerPostings).values([
          { entryId, accountCode: "stripe", amount: 5 },
          { entryId, accountCode: "general", amount: -5 },
        ]);
      }),
    );
    expect(msg).toMatch(/transaction that created it/);
  });

  it("refuses a malformed account or an unknown entry kind written with raw SQL", async () => {
    // The rules behind ledger_accounts_code_format and journal_entries_kind_known (migration 0030).
    const bad = [
      sql`INSERT INTO ledger_accounts (code, kind, normal_sign, allow_negative) VALUES ('petty_cash', 'asset', 1, false)`,
      sql`INSERT INTO ledger_accounts (code, kind, normal_sign, allow_negative, campaign_id)
          VALUES ('campaign:' || gen_random_uuid(), 'fund', -1, false, ${campaign}::uuid)`,
      sql`INSERT INTO ledger_accounts (code, kind, normal_sign, allow_negative, campaign_id)
          VALUES ('campaign:' || ${campaign}, 'fund', -1, true, ${campaign}::uuid)`,
      sql`INSERT INTO ledger_accounts (code, kind, normal_sign, allow_negative) VALUES ('general2', 'fund', -1, false)`,
    ];
    for (const q of bad) expect(await dbError(h.db.execute(q))).toMatch(/ledger_accounts_code_format/);
    expect(
      await dbError(
        h.db.execute(
          sql`INSERT INTO journal_entries (idempotency_key, kind, content_hash) VALUES ('raw-kind', 'gift_card', 'x')`,
        ),
      ),
    ).toMatch(/journal_entries_kind_known/);
    // A well-formed account still opens: the bond's, opened by the trigger that runs with its row.
    const bond = await insertBond(h.db, campaign, 500_000);
    const opened = rowsOf<{ n: number }>(
      await h.db.execute(sql`SELECT count(*)::int AS n FROM ledger_accounts WHERE code = ${bondAccount(bond)}`),
    );
    expect(opened[0]!.n).toBe(1);
  });

  it("keeps the books balanced and caches true", async () => {
    const tb = await trialBalance(h.db);
    expect(tb.postingsSum).toBe(0);
    expect(tb.assets).toBe(tb.funds);
    expect(tb.unbalancedEntries).toEqual([]);
    expect(await verifyCachedBalances(h.db)).toEqual([]);
    expect(await verifyKindTotals(h.db)).toEqual([]);
    expect(await verifyDonorCounts(h.db)).toEqual([]);
  });
});
