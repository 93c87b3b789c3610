/**
 * Where a postEntry's time goes: one connection, no concurrency, every statement
 * timed on the client. Run with `npx tsx bench/profile-post-entry.ts [server-url]`.
 */
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { openDb, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { postEntry } from "@/lib/ledger";
import { createBenchDatabase, DEFAULT_BENCH_URL } from "./bench-db";
import { createFundedCampaigns } from "./ledger-setup";

const N = 2_000;

async function main(): Promise<void> {
  // A closed pipe (`| head`) must not kill the run before it drops its database.
  process.stdout.on("error", () => {});
  const bench = await createBenchDatabase(process.argv[2] || process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_URL);
  const setup = await openDb({ url: bench.url, poolMax: 2 });
  const stats = new Map<string, { n: number; ms: number }>();
  let inFlight: { text: string; t0: number } | null = null;
  const client = postgres(bench.url, {
    max: 1,
    onnotice: () => {},
    // Called as each query is sent; with one connection and sequential awaits, a query ends when the next one starts.
    debug: (_conn, text) => {
      const now = performance.now();
      if (inFlight) record(inFlight.text, now - inFlight.t0);
      inFlight = { text: String(text).replace(/\s+/g, " ").slice(0, 70), t0: now };
    },
  });
  const record = (text: string, ms: number) => {
    const s = stats.get(text) ?? { n: 0, ms: 0 };
    s.n++;
    s.ms += ms;
    stats.set(text, s);
  };
  try {
    const accounts = await createFundedCampaigns(setup.db, "p", 1_000, 1_000_000);
    const db = drizzle(client, { schema }) as unknown as Db;
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      const a = i % accounts.length;
      const b = (a + 1 + (i % 7)) % accounts.length;
      await postEntry(db, {
        idempotencyKey: `p:${i}`,
        kind: "reallocation",
        debits: [{ account: accounts[a]!, amount: 1 }],
        credits: [{ account: accounts[b]!, amount: 1 }],
      });
    }
    const total = performance.now() - t0;
    console.log(`${N} sequential postEntry: ${(total / N).toFixed(3)} ms each, ${((N * 1000) / total).toFixed(0)}/s`);
    console.log("statement (time until the next statement is sent, so it includes client work after it):");
    for (const [text, s] of [...stats].sort((x, y) => y[1].ms - x[1].ms)) {
      console.log(`  ${(s.ms / N).toFixed(3)} ms/transfer  ${String(s.n).padStart(6)}×  ${text}`);
    }
  } finally {
    await client.end({ timeout: 5 });
    await setup.close();
    await bench.drop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
