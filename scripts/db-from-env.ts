/** Open the configured database from a command-line script (same rules as the app). */
import { openDb, type DbHandle } from "@/db/client";
import { env } from "@/lib/env";

export async function openFromEnv(): Promise<DbHandle> {
  const e = env();
  return openDb({ url: e.DATABASE_URL, dataDir: e.PGLITE_DATA_DIR, poolMax: 2 });
}
