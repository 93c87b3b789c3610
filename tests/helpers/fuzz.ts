/** Generated malformed input for the fuzz tests, and a fingerprint of every table to prove nothing was written. */
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { rowsOf, type Db } from "@/db/client";

/** Runs per property: modest, because the suite runs twice in CI (PGlite and PostgreSQL). FUZZ_RUNS raises it. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 12);

const NASTY = [
  "",
  " ",
  "-1",
  "-25",
  "0",
  "0.001",
  "25.001",
  "1e309",
  "1e21",
  "NaN",
  "Infinity",
  "-Infinity",
  "99999999999999999999999",
  "9007199254740993",
  "100000000.01",
  "0x1A",
  "$-5",
  "25,00,0",
  "١٢٣", // Arabic-Indic digits
  "２５", // full-width digits
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\u202e evil",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "👩🏽‍⚖️🏳️‍🌈",
  "<script>alert(1)</script>",
  "'; DROP TABLE campaigns; --",
  "../../etc/passwd",
  "null",
  "undefined",
  "[object Object]",
  "true",
  "2024-02-30",
  "9999-99-99",
  "00000000-0000-0000-0000-000000000000",
  "not-a-uuid",
  "x".repeat(70_000),
  "é".repeat(5_000),
];

/** One malformed string: generated text of every kind, huge strings, numbers out of range, odd unicode. */
export const badString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String) },
  { weight: 1, arbitrary: fc.nat({ max: 200_000 }).map((n) => "9".repeat(1 + (n % 400))) },
);

/** A form value of the wrong type sometimes: a file where text is expected. */
export const badValue: fc.Arbitrary<string | File> = fc.oneof(
  { weight: 6, arbitrary: badString },
  { weight: 1, arbitrary: badString.map((s) => new File([s], "x.bin", { type: "application/octet-stream" })) },
);

/** A FormData with some of `fields` (and some unknown keys) set to malformed values. */
export function badForm(fields: readonly string[], base: Record<string, string> = {}): fc.Arbitrary<FormData> {
  const entries = fields.map((f) => fc.option(badValue, { nil: undefined, freq: 3 }).map((v) => [f, v] as const));
  return fc
    .tuple(fc.tuple(...entries), fc.array(fc.tuple(badString, badValue), { maxLength: 2 }))
    .map(([known, extra]) => {
      const fd = new FormData();
      for (const [k, v] of Object.entries(base)) fd.set(k, v);
      for (const [k, v] of known) if (v !== undefined) fd.set(k, v);
      for (const [k, v] of extra) fd.append(k || "_", v);
      return fd;
    });
}

/** An id: the real one, one of another kind, a well-formed unknown uuid, or garbage. */
export function badId(...real: string[]): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...real, "00000000-0000-4000-8000-000000000000"), fc.uuid(), badString);
}

/** The public tables, read once per database (the schema does not change during a test file). */
const tablesOf = new WeakMap<Db, Promise<string[]>>();

function tableNames(db: Db): Promise<string[]> {
  let names = tablesOf.get(db);
  if (!names) {
    names = db
      .execute(sql`SELECT tablename AS t FROM pg_catalog.pg_tables WHERE schemaname = 'public' ORDER BY 1`)
      .then((r) => rowsOf<{ t: string }>(r).map((x) => x.t));
    tablesOf.set(db, names);
  }
  return names;
}

/** One md5 per table over all its rows, in one statement: equal before and after means nothing was written. */
export async function fingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await tableNames(db);
  const parts = tables.map(
    (t) =>
      sql`SELECT ${t}::text AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h, count(*)::int AS n FROM ${sql.identifier(t)} x`,
  );
  const rows = rowsOf<{ t: string; h: string; n: number }>(await db.execute(sql.join(parts, sql` UNION ALL `)));
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

/** The tables whose fingerprint changed. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}
