/** The raw-PostgreSQL ceiling (shared/bench/pg-ceiling): the denominator of every ledger ratio. */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export type CeilingResult = { ok: true; tps: number; avgLatencyMs: number } | { ok: false; reason: string };

/**
 * CI and sessions keep shared/ beside the repository; a git worktree may sit deeper
 * (e.g. wt/<name>), so the nearest ancestor's shared/ counts. PG_CEILING_SCRIPT overrides.
 */
export function ceilingScript(repoRoot: string): string {
  if (process.env.PG_CEILING_SCRIPT) return path.resolve(process.env.PG_CEILING_SCRIPT);
  const rel = path.join("shared", "bench", "pg-ceiling", "run");
  for (let dir = path.resolve(repoRoot, ".."); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, rel))) return path.join(dir, rel);
    if (dir === path.dirname(dir)) return path.resolve(repoRoot, "..", rel);
  }
}

export function runCeiling(
  repoRoot: string,
  url: string,
  seconds: number,
  clients: number,
  accounts: number,
): Promise<CeilingResult> {
  const script = ceilingScript(repoRoot);
  if (!existsSync(script)) return Promise.resolve({ ok: false, reason: `${script} not found` });
  return new Promise((resolve) => {
    execFile(
      script,
      [url, String(seconds), String(clients), String(accounts)],
      { timeout: (seconds + 120) * 1000 },
      (err, stdout, stderr) => {
        if (err)
          return resolve({ ok: false, reason: `pg-ceiling failed: ${(stderr || err.message).trim().slice(0, 300)}` });
        const tps = /transfers\/s=([0-9.]+)/.exec(stdout)?.[1];
        const lat = /avg_latency_ms=([0-9.]+)/.exec(stdout)?.[1];
        if (!tps) return resolve({ ok: false, reason: `unexpected pg-ceiling output: ${stdout.trim().slice(0, 200)}` });
        resolve({ ok: true, tps: Number(tps), avgLatencyMs: Number(lat ?? Number.NaN) });
      },
    );
  });
}
