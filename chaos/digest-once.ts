/**
 * Chaos: the daily deadline digest is sent exactly once per recipient per day
 * with several app instances racing and one of them killed with SIGKILL in the
 * middle of its run and started again (a crash and a restart). Each instance
 * is its own process with its own pool on one PostgreSQL database.
 *
 * Asserts: for every (recipient, day) exactly one claim row and exactly one
 * outbox message, and as many messages as claims — a kill between the claim
 * and the message is impossible because both are written in one transaction.
 * Env: CHAOS_DATABASE_URL, DIGEST_CHAOS_DAYS (default 40), DIGEST_CHAOS_WORKERS (default 3).
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDb, rowsOf } from "@/db/client";
import { recordNotice } from "@/lib/notices/record-notice";
import { createBenchDatabase } from "../bench/bench-db";
import { bondAt } from "../tests/fixtures/bond-paths";
import { principal, verifiedLawyer } from "../tests/fixtures/people";
import { runChaosTest } from "./_harness";

const DAYS = Number(process.env.DIGEST_CHAOS_DAYS || 40);
const WORKERS = Number(process.env.DIGEST_CHAOS_WORKERS || 3);

function worker(url: string, start: string): { child: ChildProcess; done: Promise<number | null> } {
  const child = spawn(
    process.execPath,
    [
      path.join("node_modules", "tsx", "dist", "cli.mjs"),
      // As the app's server code is loaded (lib/env.ts and the db client import "server-only").
      "--conditions=react-server",
      path.join("chaos", "_digest-worker.ts"),
      url,
      start,
      String(DAYS),
    ],
    // Its own process group, so SIGKILL reaches the whole instance (a loader may run the script in a child).
    { stdio: ["ignore", "inherit", "inherit"], detached: true },
  );
  return { child, done: new Promise((r) => child.once("exit", (code) => r(code))) };
}

runChaosTest("deadline digest once per recipient per day (racing instances, kill -9, restart)", async (ctx) => {
  const database = await createBenchDatabase(ctx.serverUrl);
  ctx.defer(() => database.drop());
  const h = await openDb({ url: database.url, poolMax: 4 });
  ctx.defer(() => h.close());
  const admin = await principal(h.db, "admin@chaos.test", ["admin"]);
  const who = {
    lawyer: await verifiedLawyer(h.db, "lawyer@chaos.test", admin),
    t1: await principal(h.db, "t1@chaos.test", ["treasurer"]),
    t2: await principal(h.db, "t2@chaos.test", ["treasurer"]),
  };
  const { bondId } = await bondAt(h.db, "posted", who, { postedOn: "2025-01-10" });
  await recordNotice(h.db, who.t1, bondId, { form: "I-323", servedOn: "2025-02-03", servedBy: "mail" }, null);
  // From a month after the appeal deadline every day's digest lists it as overdue: one digest per recipient per day.
  const start = new Date(Date.UTC(2025, 3, 1, 20)).toISOString();

  const workers = Array.from({ length: WORKERS }, () => worker(database.url, start));
  // Kill one instance with SIGKILL mid-run, then start it again (a crash and a restart).
  // …once the instances are sending, so the kill lands among claims and messages being written.
  for (let i = 0; i < 600; i++) {
    const [c] = rowsOf<{ n: number }>(await h.db.execute(sql`SELECT count(*)::int AS n FROM deadline_digest_claims`));
    if (c!.n >= 6) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  process.kill(-workers[0]!.child.pid!, "SIGKILL");
  const killed = await workers[0]!.done;
  const restarted = worker(database.url, start);
  const codes = await Promise.all([...workers.slice(1).map((w) => w.done), restarted.done]);
  if (codes.some((c) => c !== 0)) throw new Error(`a worker failed: exit codes ${codes.join(", ")}`);

  const [t] = rowsOf<{ claims: number; mails: number; dup_claims: number; dup_mails: number; days: number }>(
    await h.db.execute(sql`
      SELECT (SELECT count(*)::int FROM deadline_digest_claims) AS claims,
             (SELECT count(*)::int FROM outbox_messages WHERE dedupe_key LIKE 'deadline-digest:%') AS mails,
             (SELECT count(*)::int FROM (SELECT recipient, day FROM deadline_digest_claims GROUP BY 1, 2 HAVING count(*) > 1) d) AS dup_claims,
             (SELECT count(*)::int FROM (SELECT to_address, substring(dedupe_key from '[0-9-]{10}$') FROM outbox_messages
                WHERE dedupe_key LIKE 'deadline-digest:%' GROUP BY 1, 2 HAVING count(*) > 1) d) AS dup_mails,
             (SELECT count(DISTINCT day)::int FROM deadline_digest_claims) AS days`),
  );
  const expected = DAYS * 3; // two treasurers and the lawyer of record, every day
  if (t!.claims !== expected || t!.mails !== expected || t!.dup_claims || t!.dup_mails || t!.days !== DAYS)
    throw new Error(
      `digests not exactly once: ${JSON.stringify(t)}, expected ${expected} claims and messages over ${DAYS} days`,
    );
  return `${t!.mails} digests for 3 recipients × ${DAYS} days by ${WORKERS} instances; one killed (exit ${killed}) and restarted; no duplicate, none missing`;
});
