/** Results: printed as they come, then written as JSON (for tools) and a markdown table (for people). */
import { execFileSync } from "node:child_process";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface Figure {
  name: string;
  value: number | string;
  unit?: string;
  /** Human-readable target, e.g. "≥ 0.5"; absent for figures reported for context only. */
  target?: string;
  /** null when there is no target or it could not be evaluated (e.g. no ceiling). */
  pass: boolean | null;
  /** 1-minute load average when the figure's scenario started, set when above LOADED_ABOVE: the figure is suspect. */
  loadedAt?: number;
}

/** Above this 1-minute load average at a scenario's start (2 cores), its figures are marked: other work skewed them. */
export const LOADED_ABOVE = 1.5;

const mark = (f: Figure) => (f.loadedAt === undefined ? "" : ` (load ${f.loadedAt.toFixed(2)} at start)`);

export interface Machine {
  cpus: number;
  model: string;
  memoryGiB: number;
  node: string;
  postgres: string;
  date: string;
  commit: string;
  /** 1-minute load average at the start: other processes on the machine skew every figure, the ceiling included. */
  loadAverage: number;
}

export function machineInfo(postgresVersion: string): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres: postgresVersion,
    date: new Date().toISOString(),
    commit: gitCommit(),
    loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}

function gitCommit(): string {
  try {
    const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench/results"], {
      encoding: "utf8",
    }).trim();
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return "unknown";
  }
}

export function formatValue(f: Figure): string {
  const v =
    typeof f.value === "number"
      ? Number.isInteger(f.value)
        ? String(f.value)
        : f.value.toFixed(f.value < 10 ? 2 : 0)
      : f.value;
  return f.unit ? `${v} ${f.unit}` : v;
}

function verdict(f: Figure): string {
  if (f.pass === null) return f.target ? "n/a" : "";
  return f.pass ? "pass" : "**miss**";
}

export function printFigure(f: Figure): void {
  const target = f.target ? `  (target ${f.target}: ${f.pass === null ? "n/a" : f.pass ? "pass" : "MISS"})` : "";
  console.log(`  ${f.name}: ${formatValue(f)}${target}${mark(f)}`);
}

export function writeResults(dir: string, machine: Machine, figures: Figure[], notes: string[], base = "latest"): void {
  mkdirSync(dir, { recursive: true });
  const json = JSON.stringify({ machine, figures, notes }, null, 2) + "\n";
  const md = [
    "# Benchmark results",
    "",
    "Written by `npm run bench` (see README, Benchmarks). Numbers are from one run on the machine below.",
    `A figure marked ⚠ comes from a scenario that started with the 1-minute load average above ${LOADED_ABOVE} (given beside it): other processes shared the CPUs, so compare it only with figures of the same run.`,
    "",
    "| figure | value | target | pass/miss |",
    "| --- | --- | --- | --- |",
    ...figures.map(
      (f) => `| ${f.name}${mark(f) ? " ⚠" : ""} | ${formatValue(f)} | ${f.target ?? ""} | ${verdict(f)}${mark(f)} |`,
    ),
    "",
    "## Machine",
    "",
    `- CPUs: ${machine.cpus} × ${machine.model}`,
    `- memory: ${machine.memoryGiB} GiB`,
    `- Node: ${machine.node}`,
    `- PostgreSQL: ${machine.postgres}`,
    `- date: ${machine.date}`,
    `- git commit: ${machine.commit}`,
    `- load average (1 min) at start: ${machine.loadAverage}`,
    ...(notes.length ? ["", "## Notes", "", ...notes.map((n) => `- ${n}`)] : []),
    "",
  ].join("\n");
  // Write-then-rename, so an interrupted run never leaves a half-written result behind.
  for (const [name, text] of [
    [`${base}.json`, json],
    [`${base}.md`, md],
  ] as const) {
    const tmp = path.join(dir, `${name}.tmp`);
    writeFileSync(tmp, text);
    renameSync(tmp, path.join(dir, name));
  }
}
