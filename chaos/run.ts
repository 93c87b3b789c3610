/**
 * npm run chaos [-- name ...] — runs every chaos/*.ts script (not run.ts, not
 * _*.ts helpers, not *-server.ts) one after the other, each in its own process,
 * and prints a summary. A script passes when it exits 0. Slow on purpose: kept
 * out of `npm test`. Scripts that start `next start` need `npm run build` first.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const HELPERS = new Set(["run.ts"]);
const dir = path.join(process.cwd(), "chaos");
const only = process.argv.slice(2);
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && !HELPERS.has(f) && !f.endsWith("-server.ts") && !f.startsWith("_"))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();

const results: { script: string; ok: boolean; seconds: number }[] = [];
for (const script of scripts) {
  console.log(`\n=== chaos/${script} ===`);
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    [path.join("node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", path.join("chaos", script)],
    { stdio: "inherit", timeout: 10 * 60_000 },
  );
  results.push({ script, ok: r.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}

console.log("\n=== chaos summary ===");
for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} chaos/${r.script} (${r.seconds} s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`chaos: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed || !results.length ? 1 : 0);
