/**
 * The app's database: one handle per process, opened (and migrated) on first
 * use. Kept on globalThis so Next.js dev reloads do not open PGlite twice.
 */
import "server-only";
import { env } from "@/lib/env";
import { openDb, type Db, type DbHandle } from "./client";

export type { Db, DbHandle } from "./client";
export { rowsOf } from "./client";

const holder = globalThis as typeof globalThis & { __openbondDb?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  if (!holder.__openbondDb) {
    const e = env();
    const opening = openDb({
      url: e.DATABASE_URL,
      dataDir: e.PGLITE_DATA_DIR,
      poolMax: e.DATABASE_POOL_MAX,
      callTimeoutMs: e.DATABASE_CALL_TIMEOUT_MS,
      reportHealth: true,
    });
    // A failed open must not be cached forever: the next request tries again.
    opening.catch(() => {
      if (holder.__openbondDb === opening) holder.__openbondDb = undefined;
    });
    holder.__openbondDb = opening;
  }
  return holder.__openbondDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}
