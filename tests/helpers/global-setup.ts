/**
 * With TEST_DATABASE_URL set, the suite runs against that PostgreSQL server:
 * one migrated template database is made here and every test file gets a fresh
 * copy of it. Without it, each test file uses an in-memory PGlite.
 */
import type { TestProject } from "vitest/node";
import { openDb } from "@/db/client";
import { adminSql, databaseUrl } from "./pg-admin";

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    project.provide("pgTemplate", null);
    return;
  }
  const template = `openbond_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = adminSql(url);
  await admin.unsafe(`CREATE DATABASE ${template}`);
  const handle = await openDb({ url: databaseUrl(url, template) });
  await handle.close();
  await admin.end();
  project.provide("pgTemplate", template);
  return async () => {
    const a = adminSql(url);
    const leftovers = await a<{ datname: string }[]>`
      SELECT datname FROM pg_database WHERE datname LIKE ${`openbond_t%_${process.pid}_%`} OR datname = ${template}`;
    for (const { datname } of leftovers) await a.unsafe(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await a.end();
  };
}
