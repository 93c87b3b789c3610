/**
 * Migrating a database is the slowest part of most test files, so it happens
 * once per run here and every test file gets a copy:
 * - with TEST_DATABASE_URL, a template database on that PostgreSQL server
 *   (each file runs `CREATE DATABASE ... TEMPLATE`);
 * - without, a migrated in-memory PGlite dumped to a file (each file loads the
 *   dump, skipping initdb and every migration).
 * Demo-fund templates are made on first use by a test file (test-db.ts), so
 * that seeding overlaps with other files instead of delaying them all.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDb } from "@/db/client";
import { adminSql, databaseUrl } from "./pg-admin";
import type { TestTemplates } from "./templates";

declare module "vitest" {
  export interface ProvidedContext {
    templates: TestTemplates;
  }
}

/**
 * The suite runs as two projects (vitest.config.mts) and each calls this; the
 * templates are made once, in this process, and removed after the last project.
 */
const shared = globalThis as typeof globalThis & {
  __openbondTemplates?: Promise<{ templates: TestTemplates; teardown: () => Promise<void> }>;
  __openbondTemplateUsers?: number;
};

export default async function setup(project: TestProject) {
  shared.__openbondTemplates ??= makeTemplates();
  shared.__openbondTemplateUsers = (shared.__openbondTemplateUsers ?? 0) + 1;
  const { templates, teardown } = await shared.__openbondTemplates;
  project.provide("templates", templates);
  return async () => {
    shared.__openbondTemplateUsers! -= 1;
    if (shared.__openbondTemplateUsers === 0) await teardown();
  };
}

async function makeTemplates(): Promise<{ templates: TestTemplates; teardown: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  const runNow = new Date().toISOString();
  if (!url) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "openbond-test-"));
    const base = await openDb({ dataDir: "memory://" });
    const file = path.join(dir, "base.tar");
    writeFileSync(file, Buffer.from(await (await base.pglite!.dumpDataDir("none")).arrayBuffer()));
    await base.close();
    return {
      templates: { kind: "pglite", base: file, dir, runNow },
      teardown: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const tag = `${process.pid}_${Date.now().toString(36)}`;
  const base = `openbond_tpl_${tag}`;
  const admin = adminSql(url);
  await admin.unsafe(`CREATE DATABASE ${base}`);
  await admin.end();
  await (await openDb({ url: databaseUrl(url, base) })).close();
  return {
    templates: { kind: "postgres", base, dir: tag, runNow },
    teardown: async () => {
      const a = adminSql(url);
      const leftovers = await a<{ datname: string }[]>`
        SELECT datname FROM pg_database WHERE datname LIKE ${`openbond_t%_${process.pid}_%`}`;
      for (const { datname } of leftovers) await a.unsafe(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      await a.end();
    },
  };
}
