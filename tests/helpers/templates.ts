/** What the global setup made for test files to copy (see global-setup.ts and test-db.ts). */
export interface TestTemplates {
  kind: "pglite" | "postgres";
  /** PGlite: a file holding a migrated `dumpDataDir()` image. PostgreSQL: the migrated template database. */
  base: string;
  /** PGlite: the run's folder for images. PostgreSQL: the run's tag in database names. */
  dir: string;
  /** When the run started: the seed's default `now` for demo templates made without one. */
  runNow: string;
}
