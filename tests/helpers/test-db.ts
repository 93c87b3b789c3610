import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { inject } from "vitest";
import { openDb, type DbHandle } from "@/db/client";
import { seedDemo } from "@/lib/seed/seed-demo";
import { adminSql, databaseUrl } from "./pg-admin";

let counter = 0;
/** A test file's database is a few MB; 128 MB of shared buffers cost ~80 ms of every start (db/client.ts). */
const PGLITE_SETTINGS = { shared_buffers: "16MB" };
const images = new Map<string, Blob>();

/**
 * A fresh, migrated database for one test file (or one test): a PGlite in memory
 * loaded from the run's migrated image, or a copy of the PostgreSQL template.
 * With `demo`, the copy already holds the demo fund exactly as
 * `seedDemo(db, { now })` leaves it: "run" is the seed's default now, taken when
 * the run started, or an ISO time. The first file to ask seeds the template.
 */
export async function createTestDb(opts: { poolMax?: number; demo?: "run" | string } = {}): Promise<DbHandle> {
  const t = inject("templates");
  const now = opts.demo === "run" ? t.runNow : opts.demo;
  if (t.kind === "pglite") {
    const file = now ? await pgliteDemoImage(t.base, t.dir, now) : t.base;
    return openDb({ dataDir: "memory://", pgliteImage: image(file), pgliteSettings: PGLITE_SETTINGS, migrate: false });
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("the run was set up for PostgreSQL but TEST_DATABASE_URL is gone");
  const source = now ? await pgDemoTemplate(url, t.base, t.dir, now) : t.base;
  const name = `openbond_t${counter++}_${t.dir}_${Math.random().toString(36).slice(2, 8)}`;
  const handle = await copyOf(url, source, name, opts.poolMax ?? 10);
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

function image(file: string): Blob {
  let b = images.get(file);
  if (!b) images.set(file, (b = new Blob([readFileSync(file)])));
  return b;
}

async function copyOf(url: string, template: string, name: string, poolMax: number): Promise<DbHandle> {
  const admin = adminSql(url);
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  // A longer deadline than the app's 20 s: the demo seed is one transaction, and this machine is shared.
  return openDb({ url: databaseUrl(url, name), migrate: false, poolMax, callTimeoutMs: 60_000 });
}

const slug = (now: string) => now.replace(/[^0-9]/g, "").slice(0, 14);

/** The demo image for `now`, seeded by whichever test process asks first (an exclusive lock file between forks). */
async function pgliteDemoImage(base: string, dir: string, now: string): Promise<string> {
  const file = path.join(dir, `demo-${slug(now)}.tar`);
  const lock = `${file}.lock`;
  for (;;) {
    if (existsSync(file)) return file;
    let fd: number;
    try {
      fd = openSync(lock, "wx");
    } catch {
      await sleep(100);
      continue;
    }
    try {
      if (existsSync(file)) return file;
      const h = await openDb({
        dataDir: "memory://",
        pgliteImage: image(base),
        pgliteSettings: PGLITE_SETTINGS,
        migrate: false,
      });
      await seedDemo(h.db, { now: new Date(now) });
      const dump = await h.pglite!.dumpDataDir("none");
      await h.close();
      writeFileSync(`${file}.tmp`, Buffer.from(await dump.arrayBuffer()));
      renameSync(`${file}.tmp`, file);
      return file;
    } finally {
      closeSync(fd);
      rmSync(lock, { force: true });
    }
  }
}

/** The demo template database for `now`, seeded once under an advisory lock on the server. */
async function pgDemoTemplate(url: string, base: string, tag: string, now: string): Promise<string> {
  const name = `openbond_tpd${slug(now)}_${tag}`;
  const admin = adminSql(url);
  try {
    await admin`SELECT pg_advisory_lock(hashtext(${name}))`;
    const [exists] = await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`;
    if (!exists) {
      const h = await copyOf(url, base, name, 2);
      await seedDemo(h.db, { now: new Date(now) });
      await h.close();
    }
    await admin`SELECT pg_advisory_unlock(hashtext(${name}))`;
    return name;
  } finally {
    await admin.end();
  }
}
