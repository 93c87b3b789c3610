/**
 * Chaos: PostgreSQL faults under load (run by `npm run chaos`).
 *
 * Starts the production build (`next start`) on a throwaway database, loads it
 * with page GETs and signed webhook deliveries while a ledger writer posts
 * entries through the same resilient pool the app uses, and meanwhile keeps
 * terminating the database's backends (pg_terminate_backend). With
 * CHAOS_PG_RESTART=1 it also restarts PostgreSQL itself once (this disrupts
 * every other user of that server, so it is off by default).
 *
 * Then a full outage: the server reaches PostgreSQL through a TCP relay owned
 * by this script, which is cut for a few seconds (every connection reset, new
 * ones closed at once); page GETs must answer 503 with Retry-After (from
 * proxy.ts) or 307 to /unavailable, and work again once the relay is back.
 *
 * Asserts: every answer is 2xx, 3xx or 503 (never 500, never slower than 10 s);
 * once the faults stop everything succeeds again; every webhook event is
 * recorded exactly once and none is left half-done; the ledger balances and
 * its cached balances equal the postings; every ledger write that was retried
 * landed exactly once.
 *
 * Env: CHAOS_DATABASE_URL (server URL, default postgres://postgres@127.0.0.1:5432/postgres),
 * CHAOS_PORT (default 3711), CHAOS_SECONDS (load time, default 25), CHAOS_PG_RESTART=1,
 * CHAOS_SERVER_LOG=<file> (write the server's output there at the end).
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import type Stripe from "stripe";
import { openDb, rowsOf, type DbHandle } from "@/db/client";
import { isDbUnavailable } from "@/db/faults";
import { postEntry } from "@/lib/ledger";
import { checkBooks, count } from "./_pg-faults-books";
import { databaseUrl, ensureBuild, startServer, type Server } from "./pg-faults-server";
import { BOUND_MS, chaosEvent, postEvent, request, SECRET, tally } from "./_pg-faults-traffic";
import { startRelay } from "./_pg-relay";

const PG = process.env.CHAOS_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const PORT = Number(process.env.CHAOS_PORT ?? 3711);
const SECONDS = Number(process.env.CHAOS_SECONDS ?? 25);
const RESTART = process.env.CHAOS_PG_RESTART === "1";

// postgres.js 3.4.9 throws from a timer when a backend dies mid-write (db/resilient-pool.ts);
// the Next.js server logs such errors and carries on, and so does this script's own pool.
let driverTimerErrors = 0;
process.on("uncaughtException", (e) => {
  if (e instanceof TypeError && /reading 'write'/.test(e.message)) driverTimerErrors++;
  else throw e;
});

async function main(): Promise<number> {
  const dbName = `openbond_chaos_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(PG, { max: 1, onnotice: () => {} });
  let server: Server | null = null;
  let own: DbHandle | null = null;
  let relay: Awaited<ReturnType<typeof startRelay>> | null = null;
  const failures: string[] = [];
  try {
    ensureBuild();
    await admin.unsafe(`CREATE DATABASE ${dbName}`);
    const url = databaseUrl(PG, dbName);
    relay = await startRelay(new URL(url));
    const relayed = new URL(url);
    relayed.hostname = "127.0.0.1";
    relayed.port = String(relay.port);
    server = await startServer({
      port: PORT,
      env: {
        DATABASE_URL: relayed.toString(),
        SEED_DEMO: "true",
        STRIPE_DOUBLE_WEBHOOK_SECRET: SECRET,
        DATABASE_POOL_MAX: "6",
        DATABASE_CALL_TIMEOUT_MS: "7000",
      },
    });
    const base = server.base;
    own = await openDb({ url, migrate: false, poolMax: 3, callTimeoutMs: 7000 });
    const [live] = rowsOf<{ slug: string }>(
      await own.db.execute(sql`SELECT slug FROM campaigns WHERE status = 'live' ORDER BY slug LIMIT 1`),
    );
    const pages = ["/", "/transparency", "/es", ...(live ? [`/campaigns/${live.slug}`] : [])];
    await postEntry(own.db, {
      idempotencyKey: "chaos:opening",
      kind: "adjustment",
      debits: [{ account: "bank", amount: 100_000 }],
      credits: [{ account: "general", amount: 100_000 }],
    });
    const entriesBefore = await count(own, sql`SELECT count(*)::int AS n FROM journal_entries`);
    const eventsBefore = await count(own, sql`SELECT count(*)::int AS n FROM stripe_events`);

    // --- load with faults -------------------------------------------------
    const sent = new Map<string, Stripe.Event>();
    const undelivered = new Set<string>();
    const ledgerKeys: string[] = [];
    let stop = false;
    const pageWorker = async () => {
      for (let i = 0; !stop; i++) await request(base, pages[i % pages.length]!);
    };
    const webhookWorker = async () => {
      while (!stop) {
        const ev = chaosEvent();
        sent.set(ev.id, ev);
        const status = await postEvent(base, ev);
        if (status < 200 || status >= 300) undelivered.add(ev.id);
      }
    };
    // Direct ledger writes through the app's own pool code: retried by key until they land.
    let ledgerFaults = 0;
    const ledgerWorker = async () => {
      for (let i = 0; !stop; i++) {
        const key = `chaos:${process.pid}:${i}`;
        for (;;) {
          try {
            await postEntry(own!.db, {
              idempotencyKey: key,
              kind: "adjustment",
              debits: [{ account: "general", amount: 1 }],
              credits: [{ account: "bank", amount: 1 }],
            });
            break;
          } catch (e) {
            if (!isDbUnavailable(e)) throw e;
            ledgerFaults++;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
        ledgerKeys.push(key);
      }
    };
    let terminations = 0;
    let restarted = false;
    const faultWorker = async () => {
      const until = Date.now() + SECONDS * 1000;
      while (Date.now() < until) {
        await new Promise((r) => setTimeout(r, 400 + Math.random() * 600));
        if (RESTART && !restarted && Date.now() > until - (SECONDS * 1000) / 2) {
          restarted = true;
          const cluster = execFileSync("ls", ["/etc/postgresql"]).toString().trim().split("\n")[0]!;
          console.log(`restarting PostgreSQL ${cluster}/main`);
          execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", cluster, "main", "restart"], {
            stdio: "inherit",
          });
          continue;
        }
        try {
          const rows = await admin<{ pid: number }[]>`
            SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity WHERE datname = ${dbName} AND pid <> pg_backend_pid()`;
          terminations += rows.length;
        } catch {
          // The admin connection itself may be reconnecting after a restart.
        }
      }
      stop = true;
    };
    const started = Date.now();
    await Promise.all([pageWorker(), pageWorker(), webhookWorker(), webhookWorker(), ledgerWorker(), faultWorker()]);
    const loadSeconds = (Date.now() - started) / 1000;
    const duringFaults = new Map(tally.statuses);

    // --- outage: the server cannot reach PostgreSQL at all -----------------
    tally.statuses.clear();
    relay.cut();
    const outage: number[] = [];
    const outageUntil = Date.now() + 6_000;
    const outageWorker = async () => {
      for (let i = 0; Date.now() < outageUntil; i++) {
        outage.push(await request(base, pages[i % pages.length]!));
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await Promise.all([outageWorker(), outageWorker()]);
    relay.restore();
    const duringOutage = new Map(tally.statuses);
    // request() already flags a 503 without Retry-After.
    // A request that arrives before any call has failed gets through the proxy, waits out its
    // deadline and is redirected (307) to the /unavailable 503 page; later ones get the proxy's 503.
    // Before the server has noticed the outage, a page whose data is all in Next's data cache (the
    // home page's campaign cards, revalidated with the campaign pages) may still render: 200. So
    // 200 is accepted only before the first 503/307; after that, and anything else (500), is not.
    const noticed = outage.findIndex((st) => st === 503 || st === 307);
    const badOutage = outage.filter((st, i) => !(st === 503 || st === 307 || (st === 200 && i < noticed)));
    if (noticed < 0 || badOutage.length)
      failures.push(`during the outage pages must answer 503 or 307 to /unavailable: ${outage.join(",")}`);

    // --- recovery: everything succeeds again ------------------------------
    await new Promise((r) => setTimeout(r, 2000));
    const recovery: number[] = [];
    for (let i = 0; i < 12; i++) recovery.push(await request(base, pages[i % pages.length]!));
    for (let i = 0; i < 10; i++) {
      const ev = chaosEvent();
      sent.set(ev.id, ev);
      recovery.push(await postEvent(base, ev));
    }
    // Like Stripe: resend what did not get a 2xx during the faults.
    for (const id of [...undelivered]) {
      const status = await postEvent(base, sent.get(id)!);
      if (status >= 200 && status < 300) undelivered.delete(id);
    }
    const notOk = recovery.filter((s) => s < 200 || s >= 300);
    if (notOk.length)
      failures.push(
        `after the faults, ${notOk.length} of ${recovery.length} requests still failed: ${notOk.join(",")}`,
      );
    if (undelivered.size) failures.push(`${undelivered.size} webhook events still refused after the faults`);

    // --- books ------------------------------------------------------------
    const { recorded, tb, mismatches, entriesAfter } = await checkBooks(own, sent.size, ledgerKeys.length, failures);

    if (tally.hung.length)
      failures.push(`${tally.hung.length} requests waited past ${BOUND_MS} ms: ${tally.hung.slice(0, 5).join("; ")}`);
    if (tally.bad.length)
      failures.push(
        `${tally.bad.length} answers were neither 2xx/3xx nor 503: ${[...new Set(tally.bad)].slice(0, 8).join("; ")}`,
      );
    if (!terminations && !restarted) failures.push("no backend was terminated: the fault injection did nothing");
    const serverErrors = server.output().match(/uncaughtException[^\n]*/g) ?? [];

    console.log(
      [
        `pg-faults: ${loadSeconds.toFixed(0)} s of load, ${terminations} backends terminated${restarted ? ", PostgreSQL restarted once" : RESTART ? "" : " (restart skipped: set CHAOS_PG_RESTART=1)"}`,
        `  during faults: ${[...duringFaults].map(([k, v]) => `${k}: ${v}`).join(", ")}; slowest ${tally.slowestMs} ms`,
        `  during a 6 s outage (relay cut): ${[...duringOutage].map(([k, v]) => `${k}: ${v}`).join(", ")}`,
        `  webhook events sent ${sent.size}, recorded ${recorded} (${eventsBefore} before); ledger writes ${ledgerKeys.length} (${ledgerFaults} faults retried by key), entries ${entriesBefore} -> ${entriesAfter}`,
        `  trial balance: assets ${tb.assets} = funds ${tb.funds}, postings sum ${tb.postingsSum}; cached balance mismatches: ${mismatches.length}`,
        `  postgres.js timer errors (uncaught, survived): server ${serverErrors.length}, this script ${driverTimerErrors}`,
      ].join("\n"),
    );
  } catch (e) {
    failures.push(`chaos run failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    if (server) console.log(server.output().slice(-3000));
  } finally {
    await own?.close().catch(() => {});
    await server?.stop();
    await relay?.close();
    if (server && process.env.CHAOS_SERVER_LOG) writeFileSync(process.env.CHAOS_SERVER_LOG, server.output());
    await admin.unsafe(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
    await admin.end({ timeout: 2 });
  }
  for (const f of failures) console.log(`  FAIL ${f}`);
  console.log(failures.length ? "pg-faults: FAILED" : "pg-faults: ok");
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
