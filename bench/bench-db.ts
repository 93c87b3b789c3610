/** A throwaway database per run, so a benchmark never touches data someone cares about and every run starts equal. */
import postgres from "postgres";

export const DEFAULT_BENCH_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

const undropped = new Set<BenchDatabase>();

/** Drops every database this process created and has not dropped yet (the run's cleanup and Ctrl-C call it). */
export async function dropAllBenchDatabases(): Promise<void> {
  for (const d of [...undropped]) await d.drop();
}

export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `openbond_bench_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  let dropped = false;
  const db: BenchDatabase = {
    name,
    url: withDatabase(serverUrl, name),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      undropped.delete(db);
      const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        // FORCE: a crashed worker may still hold a connection; the run must not leak databases.
        await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end({ timeout: 5 });
      }
    },
  };
  undropped.add(db);
  return db;
}

export async function serverVersion(url: string): Promise<string> {
  const c = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await c<{ v: string }[]>`select current_setting('server_version') as v`;
    return row?.v ?? "unknown";
  } finally {
    await c.end({ timeout: 5 });
  }
}
