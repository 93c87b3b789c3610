import { inject } from "vitest";
import { openDb, type DbHandle } from "@/db/client";
import { adminSql, databaseUrl } from "./pg-admin";

let counter = 0;

/** A fresh, migrated database for one test file (or one test): PGlite in memory, or a copy of the PostgreSQL template. */
export async function createTestDb(opts: { poolMax?: number } = {}): Promise<DbHandle> {
  const url = process.env.TEST_DATABASE_URL;
  const template = inject("pgTemplate");
  if (!url || !template) return openDb({ dataDir: "memory://" });
  const name = `openbond_t${counter++}_${template.split("_")[2]}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = adminSql(url);
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const handle = await openDb({ url: databaseUrl(url, name), migrate: false, poolMax: opts.poolMax ?? 10 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const a = adminSql(url);
      await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export const onRealPostgres = () => Boolean(process.env.TEST_DATABASE_URL);
