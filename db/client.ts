/**
 * The one place that chooses a database driver. With DATABASE_URL: postgres.js
 * against a real PostgreSQL. Without: embedded PGlite in a data folder that only
 * this process may open (PGlite has no lock between processes), so migrations run
 * here, at start-up, inside the app process.
 */
import path from "node:path";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { dbHealthState } from "./health";
import { resilientPool } from "./resilient-pool";
import * as schema from "./schema";

type Schema = typeof schema;
/** Both drivers' databases and their transactions share this type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface DbHandle {
  db: Db;
  driver: "postgres" | "pglite";
  /** The embedded client itself (PGlite only), for dumping a test template. */
  pglite?: import("@electric-sql/pglite").PGlite;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL; when absent, PGlite is used. */
  url?: string;
  /** PGlite data folder, or "memory://" for a throwaway database. */
  dataDir?: string;
  /** PGlite only: start from this dump (`dumpDataDir()`) instead of an empty cluster; tests use it to skip initdb and migrations. */
  pgliteImage?: Blob;
  /**
   * PGlite only: server settings (`-c name=value` at start). Tests give a small `shared_buffers`:
   * PostgreSQL's default 128 MB is set up in WebAssembly memory on every start, which most test
   * files' databases (a few MB) never use.
   */
  pgliteSettings?: Record<string, string>;
  poolMax?: number;
  /** PostgreSQL only: deadline for one statement outside a transaction, or one whole transaction (default 20 s). */
  callTimeoutMs?: number;
  /** PostgreSQL only: report call outcomes to the process-wide health state that proxy.ts consults (the app's own pool only). */
  reportHealth?: boolean;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
}

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");
const MIGRATION_LOCK_ID = 7_310_442_901; // arbitrary, constant: serialises migrations across app instances

export async function openDb(opts: OpenOptions): Promise<DbHandle> {
  const handle = opts.url
    ? await openPostgres(opts.url, opts.poolMax ?? 10, opts.callTimeoutMs ?? 20_000, opts.reportHealth ?? false)
    : await openPglite(opts.dataDir ?? "memory://", opts.pgliteImage, opts.pgliteSettings);
  if (opts.migrate !== false) await migrateHandle(handle, opts.url);
  return handle;
}

async function openPostgres(url: string, max: number, callTimeoutMs: number, reportHealth: boolean): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const make = () =>
    postgres(url, {
      max,
      connect_timeout: 5,
      idle_timeout: 30,
      max_lifetime: 60 * 30,
      onnotice: () => {},
      // Bounds that keep a stuck backend from holding a request forever; the
      // pool adds a deadline on the client side (resilient-pool.ts).
      connection: {
        application_name: "openbond",
        statement_timeout: 15_000,
        lock_timeout: 10_000,
        idle_in_transaction_session_timeout: 30_000,
      },
    });
  const pool = resilientPool(make, {
    callTimeoutMs,
    readRetry: { budgetMs: 4_000, firstDelayMs: 50 },
    retireGraceSeconds: 5,
    minSwapIntervalMs: 1_000,
    health: reportHealth ? dbHealthState() : undefined,
  });
  const db = drizzle(pool.client, { schema }) as unknown as Db;
  return { db, driver: "postgres", close: () => pool.end({ timeout: 5 }) };
}

async function openPglite(dataDir: string, image?: Blob, settings: Record<string, string> = {}): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const memory = dataDir.startsWith("memory://");
  const release = memory ? () => {} : claimDataDir(path.resolve(dataDir));
  const where = memory ? {} : { dataDir: path.resolve(dataDir) };
  const startParams = [
    ...PGlite.defaultStartParams,
    ...Object.entries(settings).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
  ];
  const client = new PGlite({ ...where, startParams, ...(image ? { loadDataDir: image } : {}) });
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    pglite: client,
    close: async () => {
      await client.close();
      release();
    },
  };
}

/**
 * PGlite has no lock between processes: a second process silently loses writes.
 * A pid file beside the data folder turns that into a clear error.
 */
function claimDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lock = `${dir}.lock`;
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, "utf8").trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database at ${dir} is in use by process ${pid}; only one process may open it. Stop that process (for example the dev server) and try again.`,
      );
    }
  }
  writeFileSync(lock, String(process.pid));
  return () => rmSync(lock, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function migrateHandle(handle: DbHandle, url: string | undefined): Promise<void> {
  if (handle.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  // One connection holds an advisory lock so that several instances starting at
  // once apply each migration exactly once.
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const single = postgres(url!, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await single`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migrate(drizzle(single), { migrationsFolder: MIGRATIONS_FOLDER });
    await single`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
  } finally {
    await single.end({ timeout: 5 });
  }
}

/** Rows of a raw `db.execute(sql...)` result: postgres.js returns an array, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown }).rows;
  if (Array.isArray(rows)) return rows as T[];
  throw new Error("unexpected result shape from db.execute");
}
