/**
 * `next start` as a child process that can be SIGKILLed and restarted: one PID
 * (node running Next's bin directly, not npx, which would leave the server two
 * processes down), every wait bounded, output kept for diagnosis.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export interface NextServerOptions {
  repoRoot: string;
  port: number;
  env: Record<string, string>;
  /** Give up waiting for the first answer after this long (default 60 s). */
  readyTimeoutMs?: number;
  /** Print the server's output as it comes (default: keep the last lines only). */
  echo?: boolean;
}

export interface NextServer {
  url: string;
  pid: number;
  /** Last lines of stdout and stderr, for failure messages. */
  tail(): string;
  /** SIGKILL: no shutdown hooks, in-flight requests and transactions cut. Resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  exited(): boolean;
}

export function assertBuilt(repoRoot: string): void {
  if (!existsSync(path.join(repoRoot, ".next", "BUILD_ID"))) {
    throw new Error(
      `no production build in ${repoRoot}/.next: run \`npm run build\` first (next start serves the last build)`,
    );
  }
}

/** BENCH_SERVER_CPU_PROF=<dir>: Node's flags for a V8 CPU profile of a server, written there when it stops (README, Benchmarks). */
export function cpuProfileArgs(): string[] {
  const dir = process.env.BENCH_SERVER_CPU_PROF;
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [];
}

export async function startNextServer(o: NextServerOptions): Promise<NextServer> {
  assertBuilt(o.repoRoot);
  const bin = path.join(o.repoRoot, "node_modules", "next", "dist", "bin", "next");
  const child: ChildProcess = spawn(
    process.execPath,
    [...cpuProfileArgs(), bin, "start", "-p", String(o.port), "-H", "127.0.0.1"],
    {
      cwd: o.repoRoot,
      env: { ...process.env, NODE_ENV: "production", PORT: String(o.port), ...o.env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const lines: string[] = [];
  const keep = (prefix: string) => (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      if (o.echo) console.log(`  [next ${child.pid}] ${line}`);
      lines.push(`${prefix}${line}`);
      if (lines.length > 60) lines.shift();
    }
  };
  child.stdout!.on("data", keep(""));
  child.stderr!.on("data", keep("stderr: "));
  let exitedFlag = false;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exitedFlag = true;
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${o.port}`;
  const server: NextServer = {
    url,
    pid: child.pid ?? -1,
    tail: () => lines.join("\n"),
    exited: () => exitedFlag,
    kill9: async () => {
      if (!exitedFlag) child.kill("SIGKILL");
      await withTimeout(exit, 10_000, `next start (pid ${child.pid}) did not exit after SIGKILL`);
    },
    stop: async (graceMs = 5_000) => {
      if (exitedFlag) return;
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await withTimeout(exit, graceMs + 10_000, `next start (pid ${child.pid}) did not exit`).finally(() =>
        clearTimeout(t),
      );
    },
  };
  try {
    await waitReady(url, o.readyTimeoutMs ?? 60_000, () => exitedFlag);
  } catch (e) {
    await server.kill9().catch(() => {});
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n--- server output ---\n${server.tail()}`);
  }
  return server;
}

/** Ready once the webhook route answers anything (a GET is 405): start-up (env, database, migrations) has run. */
async function waitReady(url: string, timeoutMs: number, died: () => boolean): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (died()) throw new Error("next start exited during start-up");
    try {
      const res = await fetch(`${url}/api/stripe/webhook`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`next start at ${url} not ready after ${timeoutMs} ms`);
}

export async function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
