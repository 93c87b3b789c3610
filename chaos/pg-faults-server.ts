/** The production server for a chaos run: `next start` as one process we can stop by its pid. */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";

export interface Server {
  base: string;
  output(): string;
  stop(): Promise<void>;
}

/** Uses the existing production build (.ci/run builds before the browser tests); builds one if there is none. */
export function ensureBuild(): void {
  if (existsSync(".next/BUILD_ID")) return;
  console.log("no production build in .next: running npm run build");
  execFileSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
}

export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Start `next start` (node directly, not npx: one pid to stop) and wait until it serves the home page. */
export async function startServer(o: {
  port: number;
  env: Record<string, string>;
  readyTimeoutMs?: number;
}): Promise<Server> {
  // Auth.js builds localhost URLs (STACK.md), so the base is localhost, not 127.0.0.1.
  const base = `http://localhost:${o.port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(o.port)],
    {
      env: {
        ...process.env,
        APP_ENV: "test",
        APP_URL: base,
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "warn",
        ...o.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  const keep = (b: Buffer) => {
    out += b.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const t = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(t);
  };
  const until = Date.now() + (o.readyTimeoutMs ?? 90_000);
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${out.slice(-2000)}`);
    try {
      const res = await fetch(`${base}/`, { signal: AbortSignal.timeout(10_000) });
      if (res.ok) return { base, output: () => out, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`next start did not serve / within the timeout:\n${out.slice(-2000)}`);
}
