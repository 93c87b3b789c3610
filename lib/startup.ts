/**
 * Runs once when the server process starts (instrumentation.ts): validate the
 * environment, open the database and apply migrations, and seed demo data into
 * an empty embedded database so `npm run dev` shows a working fund.
 */
import { sql } from "drizzle-orm";
import { getDbHandle, rowsOf } from "@/db";
import { openDb, type Db } from "@/db/client";
import { env, EnvError, usesRealStripe } from "./env";
import { log } from "./log";
import { sendPendingMail } from "./mail/send-pending";
import { startReminderLoop } from "./reminders/loop";
import { sendDeadlineDigests } from "./notices/digest";
import { sendYearEndStatements } from "./receipts/year-end-job";
import { seedDemo } from "./seed/seed-demo";

const MAIL_INTERVAL_MS = 10_000;
const DIGEST_INTERVAL_MS = 5 * 60_000;
const YEAR_END_INTERVAL_MS = 15 * 60_000;

/** Run `job` every `ms` in this instance, never two at once; a failure is logged (its name only) and retried next tick. */
function every(ms: number, what: string, job: (db: Db) => Promise<unknown>) {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    getDbHandle()
      .then((h) => job(h.db))
      .catch((e: unknown) => log.warn({ err: e instanceof Error ? e.name : "unknown" }, `${what} failed`))
      .finally(() => {
        running = false;
      });
  }, ms);
  timer.unref();
}

export async function startUp(): Promise<void> {
  let e;
  try {
    e = env();
  } catch (err) {
    if (err instanceof EnvError) {
      log.fatal({ problems: err.problems }, "refusing to start: invalid environment");
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const started = Date.now();
  const handle = await getDbHandle();
  log.info({ driver: handle.driver, ms: Date.now() - started }, "database ready, migrations applied");
  if (handle.driver === "pglite") {
    log.warn(
      { dataDir: e.PGLITE_DATA_DIR },
      "using the embedded PGlite database (one process only); set DATABASE_URL for PostgreSQL",
    );
  }
  if (!usesRealStripe(e)) log.warn("no Stripe keys: payments use the offline Stripe test double");

  // Every instance runs each loop: SKIP LOCKED keeps mail sends single, and the digest's (recipient, day)
  // and the statements' (donor, year) claims in PostgreSQL let one instance send each (lib/jobs/claim-once.ts).
  every(MAIL_INTERVAL_MS, "mail loop", (db) => sendPendingMail(db));
  startReminderLoop();
  every(DIGEST_INTERVAL_MS, "deadline digest loop", (db) => sendDeadlineDigests(db));
  every(YEAR_END_INTERVAL_MS, "year-end statement loop", (db) => sendYearEndStatements(db));

  const wantSeed = e.SEED_DEMO === "true" || (e.SEED_DEMO === "auto" && handle.driver === "pglite");
  if (!wantSeed) return;
  const [row] = rowsOf<{ n: number }>(await handle.db.execute(sql`SELECT count(*)::int AS n FROM campaigns`));
  if (Number(row?.n ?? 0) > 0 && e.SEED_DEMO !== "true") return;
  // Seeding is one long transaction: on PostgreSQL it gets its own pool without the per-request deadline.
  const seedHandle =
    handle.driver === "postgres"
      ? await openDb({ url: e.DATABASE_URL, migrate: false, poolMax: 2, callTimeoutMs: 300_000 })
      : handle;
  let res;
  try {
    res = await seedDemo(seedHandle.db);
  } finally {
    if (seedHandle !== handle) await seedHandle.close();
  }
  if (res.created) log.info({ campaigns: res.campaigns, donations: res.donations }, "seeded demo data");
}
