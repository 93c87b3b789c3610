/**
 * A production Next.js server for the HTTP benchmarks: `next start` from the
 * build in .next (rebuilt first when sources are newer), one PID to stop, its
 * output kept for the report when it fails.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { cpuProfileArgs } from "../tests/helpers/next-server";

const port = (name: string, fallback: number) => Number(process.env[name]) || fallback;

/** Ports the benchmarks may use (each overridable, so that several people can run them on one machine). */
/**
 * The headers a browser sends when it loads a page. Public pages are served from the page cache
 * (lib/cache/public-html.ts) only to such requests, so a benchmark of what a visitor meets sends them.
 */
export const PAGE_LOAD_HEADERS = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "sec-fetch-dest": "document",
};

export const BENCH_PORTS = {
  page: port("BENCH_PAGE_PORT", 3810),
  weight: port("BENCH_WEIGHT_PORT", 3811),
  pageLarge: port("BENCH_PAGE_LARGE_PORT", 3812),
} as const;

const SOURCES = [
  "app",
  "lib",
  "db",
  "messages",
  "next.config.js",
  "proxy.ts",
  "instrumentation.ts",
  "package-lock.json",
];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

/** `npm run build` when there is no build or a source file is newer than it (BENCH_BUILD=1 forces it). */
export function ensureBuild(repoRoot: string): void {
  const buildId = path.join(repoRoot, ".next", "BUILD_ID");
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const newest = Math.max(...SOURCES.map((s) => newestMtime(path.join(repoRoot, s))));
  if (process.env.BENCH_BUILD !== "1" && built > newest) return;
  console.log(built ? "sources changed since the last build: npm run build" : "no production build: npm run build");
  const r = spawnSync("npm", ["run", "build"], {
    cwd: repoRoot,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error(`npm run build failed (exit ${r.status})`);
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

const running = new Set<() => Promise<void>>();

/** Stops every server this process started (the run's cleanup and Ctrl-C call it). */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((stop) => stop()));
}

export interface RunningServer {
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `next start` on `port` against `databaseUrl` and waits until `readyPath` answers.
 * APP_ENV=test: a production build without real Stripe keys or SMTP (the offline doubles).
 */
export async function startServer(o: {
  repoRoot: string;
  port: number;
  databaseUrl: string;
  readyPath?: string;
  env?: Record<string, string>;
}): Promise<RunningServer> {
  if (!(await portFree(o.port)))
    throw new Error(`port ${o.port} is in use; the benchmarks use ${Object.values(BENCH_PORTS).join(", ")}`);
  // Not bound to 127.0.0.1 with -H: next-intl's rewrite then goes to localhost, which missed and looped in 307s.
  // The clients use 127.0.0.1 (Node may resolve localhost to ::1); donor pages need no sign-in.
  const origin = `http://127.0.0.1:${o.port}`;
  let output = "";
  const child: ChildProcess = spawn(
    process.execPath,
    [...cpuProfileArgs(), "node_modules/next/dist/bin/next", "start", "-p", String(o.port)],
    {
      cwd: o.repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        APP_ENV: "test",
        APP_URL: origin,
        DATABASE_URL: o.databaseUrl,
        DATABASE_POOL_MAX: "10",
        SEED_DEMO: "false",
        LOG_LEVEL: "warn",
        AUTH_SECRET: "bench-only-secret-not-for-production-0123456789",
        NEXT_TELEMETRY_DISABLED: "1",
        ...o.env,
      },
    },
  );
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  const stop = async () => {
    running.delete(stop);
    if (exited) return;
    const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await gone;
    clearTimeout(timer);
  };
  running.add(stop);
  const deadline = Date.now() + 60_000;
  const url = `${origin}${o.readyPath ?? "/"}`;
  for (;;) {
    if (exited) throw new Error(`next start exited before it was ready:\n${output}`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      await res.arrayBuffer();
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer ${url} within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { origin, pid: child.pid!, stop };
}
