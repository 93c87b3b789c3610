/**
 * Model-based test of the ledger: random sequences of posts, replays, conflicting
 * replays, reversals and concurrent batches run against the database and against
 * a plain in-memory model. After every step the books must agree with the model
 * and every invariant must hold.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { isAppError } from "@/lib/errors";
import {
  bondAccount,
  campaignAccount,
  getBalances,
  postEntry,
  reverseEntry,
  verifyKindTotals,
  type AccountCode,
} from "@/lib/ledger";
import { isAssetAccount, mayGoNegative } from "@/lib/ledger/accounts";
import { insertBond, insertCampaign } from "../fixtures/campaigns";
import { createTestDb } from "../helpers/test-db";

// 1,000 sequences by default (LEDGER_MODEL_RUNS for more).
const RUNS = Number(process.env.LEDGER_MODEL_RUNS ?? 1000);

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => h?.close());

interface Transfer {
  from: number; // index into the run's accounts: credited
  to: number; // debited
  amount: number;
}

interface Posted {
  key: string;
  entryId: number;
  transfers: Transfer[];
  reversed: boolean;
}

interface Model {
  accounts: AccountCode[];
  balances: Map<string, number>;
  posted: Posted[];
  runId: string;
  seq: number;
}

/** Normal-side effect of a list of transfers on each account. */
function effect(accounts: AccountCode[], transfers: Transfer[], sign = 1): Map<string, number> {
  const out = new Map<string, number>();
  const add = (code: string, d: number) => out.set(code, (out.get(code) ?? 0) + d);
  for (const t of transfers) {
    const to = accounts[t.to]!;
    const from = accounts[t.from]!;
    add(to, sign * (isAssetAccount(to) ? t.amount : -t.amount));
    add(from, sign * (isAssetAccount(from) ? -t.amount : t.amount));
  }
  return out;
}

function affordable(m: Model, delta: Map<string, number>): boolean {
  for (const [code, d] of delta) if (!mayGoNegative(code) && (m.balances.get(code) ?? 0) + d < 0) return false;
  return true;
}

function apply(m: Model, delta: Map<string, number>) {
  for (const [code, d] of delta) m.balances.set(code, (m.balances.get(code) ?? 0) + d);
}

function entryFor(m: Model, key: string, transfers: Transfer[]) {
  return {
    idempotencyKey: key,
    kind: "adjustment" as const,
    debits: transfers.map((t) => ({ account: m.accounts[t.to]!, amount: t.amount })),
    credits: transfers.map((t) => ({ account: m.accounts[t.from]!, amount: t.amount })),
  };
}

/** What checkInvariants has summed so far: every posting up to id `upTo` adds up to `total`. */
const checked = { upTo: 0, total: 0 };

async function allPostingsSum(): Promise<number> {
  const [row] = rowsOf<{ total: string | number }>(
    await h.db.execute(sql`SELECT coalesce(sum(amount), 0)::bigint AS total FROM ledger_postings`),
  );
  return Number(row!.total);
}

async function checkInvariants(m: Model, touchedEntries: number[]) {
  const actual = await getBalances(h.db, m.accounts);
  for (const code of m.accounts) expect(actual.get(code), code).toBe(m.balances.get(code));
  for (const code of m.accounts) if (!mayGoNegative(code)) expect(actual.get(code)!).toBeGreaterThanOrEqual(0);
  // Postings are append-only (a trigger refuses UPDATE and DELETE) and no post is in flight here, so
  // the sum over all postings is the last checked sum plus the new rows'; the test ends with a full sum.
  const [row] = rowsOf<{
    added: string | number;
    upto: string | number;
    mismatched: string | number;
    unbalanced: string | number;
  }>(
    await h.db.execute(sql`
      SELECT (SELECT coalesce(sum(amount), 0) FROM ledger_postings WHERE id > ${checked.upTo})::bigint AS added,
             (SELECT coalesce(max(id), ${checked.upTo}) FROM ledger_postings)::bigint AS upto,
             (SELECT count(*) FROM ledger_accounts a
               WHERE a.code IN (${sql.join(
                 m.accounts.map((c) => sql`${c}`),
                 sql`, `,
               )})
                 AND a.balance <> coalesce((SELECT a.normal_sign * sum(p.amount) FROM ledger_postings p WHERE p.account_code = a.code), 0))::bigint AS mismatched,
             (SELECT count(*) FROM (SELECT entry_id FROM ledger_postings
               WHERE entry_id IN (${sql.join(
                 [0, ...touchedEntries].map((id) => sql`${id}`),
                 sql`, `,
               )})
               GROUP BY entry_id HAVING sum(amount) <> 0) u)::bigint AS unbalanced`),
  );
  // The run's own accounts (its campaigns and bond) after every command; the shared ones, with all
  // their postings, once at the end (re-summing them each time made the test quadratic).
  expect(await verifyKindTotals(h.db, m.accounts.slice(4))).toEqual([]);
  checked.total += Number(row!.added);
  checked.upTo = Number(row!.upto);
  expect(checked.total).toBe(0);
  expect(Number(row!.mismatched)).toBe(0);
  expect(Number(row!.unbalanced)).toBe(0);
}

type Cmd = fc.AsyncCommand<Model, Model>;

class PostCmd implements Cmd {
  constructor(readonly transfers: Transfer[]) {}
  check = () => true;
  async run(m: Model) {
    const key = `${m.runId}:${m.seq++}`;
    const delta = effect(m.accounts, this.transfers);
    const ok = affordable(m, delta);
    const res = await postEntry(h.db, entryFor(m, key, this.transfers)).catch((e: unknown) => e);
    if (ok) {
      expect(isAppError(res), String(res)).toBe(false);
      const { entryId } = res as { entryId: number };
      apply(m, delta);
      m.posted.push({ key, entryId, transfers: this.transfers, reversed: false });
      await checkInvariants(m, [entryId]);
    } else {
      expect(res).toMatchObject({ code: "insufficient_funds" });
      await checkInvariants(m, []);
    }
  }
  toString = () => `post(${JSON.stringify(this.transfers)})`;
}

class ReplayCmd implements Cmd {
  constructor(
    readonly pick: number,
    readonly tamper: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.posted.length > 0;
  async run(m: Model) {
    const p = m.posted[this.pick % m.posted.length]!;
    const transfers = this.tamper
      ? p.transfers.map((t, i) => (i === 0 ? { ...t, amount: t.amount + 1 } : t))
      : p.transfers;
    const res = await postEntry(h.db, entryFor(m, p.key, transfers)).catch((e: unknown) => e);
    if (this.tamper) expect(res).toMatchObject({ code: "idempotency_conflict" });
    else expect(res).toEqual({ entryId: p.entryId, replayed: true });
    await checkInvariants(m, [p.entryId]);
  }
  toString = () => `replay(${this.pick}, tamper=${this.tamper})`;
}

class ReverseCmd implements Cmd {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.posted.length > 0;
  async run(m: Model) {
    const p = m.posted[this.pick % m.posted.length]!;
    const delta = effect(m.accounts, p.transfers, -1);
    const res = await reverseEntry(h.db, { entryId: p.entryId, idempotencyKey: `rev:${p.key}`, memo: "model" }).catch(
      (e: unknown) => e,
    );
    if (p.reversed) {
      expect(res).toMatchObject({ replayed: true });
    } else if (affordable(m, delta)) {
      expect(isAppError(res), String(res)).toBe(false);
      apply(m, delta);
      p.reversed = true;
    } else {
      expect(res).toMatchObject({ code: "insufficient_funds" });
    }
    await checkInvariants(m, []);
  }
  toString = () => `reverse(${this.pick})`;
}

class ConcurrentCmd implements Cmd {
  constructor(readonly batch: Transfer[][]) {}
  check = () => true;
  async run(m: Model) {
    const keys = this.batch.map(() => `${m.runId}:${m.seq++}`);
    const results = await Promise.all(
      this.batch.map((t, i) => postEntry(h.db, entryFor(m, keys[i]!, t)).catch((e: unknown) => e)),
    );
    const ids: number[] = [];
    results.forEach((res, i) => {
      if (res instanceof Error) {
        // Only a refusal for lack of money is acceptable; anything else (a deadlock, a timeout) is a bug.
        expect(isAppError(res) ? res.code : `${res.name}: ${res.message}`).toBe("insufficient_funds");
        return;
      }
      const { entryId } = res as { entryId: number };
      ids.push(entryId);
      apply(m, effect(m.accounts, this.batch[i]!));
      m.posted.push({ key: keys[i]!, entryId, transfers: this.batch[i]!, reversed: false });
    });
    await checkInvariants(m, ids);
  }
  toString = () => `concurrent(${this.batch.length})`;
}

const ACCOUNTS_PER_RUN = 7;
const transfer = fc
  .record({
    from: fc.nat(ACCOUNTS_PER_RUN - 1),
    to: fc.nat(ACCOUNTS_PER_RUN - 1),
    amount: fc.integer({ min: 1, max: 5000 }),
  })
  .filter((t) => t.from !== t.to);
const transfers = fc.array(transfer, { minLength: 1, maxLength: 3 });
// Inflows (debit stripe, credit a fund) make protected accounts hold money often enough to matter.
const inflow = fc.record({
  to: fc.constant(0),
  from: fc.integer({ min: 2, max: ACCOUNTS_PER_RUN - 1 }),
  amount: fc.integer({ min: 1, max: 8000 }),
});

const commands = [
  transfers.map((t) => new PostCmd(t)),
  fc.array(inflow, { minLength: 1, maxLength: 2 }).map((t) => new PostCmd(t)),
  fc.tuple(fc.nat(), fc.boolean()).map(([p, tamper]) => new ReplayCmd(p, tamper)),
  fc.nat().map((p) => new ReverseCmd(p)),
  fc.array(transfers, { minLength: 2, maxLength: 5 }).map((b) => new ConcurrentCmd(b)),
];

describe("ledger model", () => {
  it(`matches the in-memory model over ${RUNS} random sequences`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 12 }), async (cmds) => {
        const runId = randomUUID();
        const [c1, c2] = [await insertCampaign(h.db), await insertCampaign(h.db)];
        const bond = await insertBond(h.db, c1, 100_000);
        // Order matters for `inflow`: index 0 is stripe (an asset that may go negative).
        const accounts: AccountCode[] = [
          "stripe",
          "bank",
          "general",
          "bonds_outstanding",
          campaignAccount(c1),
          campaignAccount(c2),
          bondAccount(bond),
        ];
        const start = await getBalances(h.db, accounts);
        const model: Model = { accounts, balances: new Map(start), posted: [], runId, seq: 0 };
        await fc.asyncModelRun(() => ({ model, real: model }), cmds);
      }),
      { numRuns: RUNS },
    );
    expect(await allPostingsSum()).toBe(0);
    expect(await verifyKindTotals(h.db)).toEqual([]);
    // A bound against a hang, not a speed goal (that is `npm run bench`): on a
    // loaded 2-core machine each of the ~8,000 commits can wait several ms on the disk.
  }, 600_000);
});
