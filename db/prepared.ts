/**
 * Named prepared statements for drizzle's queries on postgres.js.
 *
 * drizzle hands every query to postgres.js `unsafe()` with `prepare: false`
 * (it prepares only queries given a name), and postgres.js then sends each
 * statement that has parameters twice: first Parse + Describe, waiting for the
 * server to name the parameters' types, then Bind + Execute. Two round trips
 * per query, and the server parses and plans it every time. Prepared, the
 * statement is described once per connection (postgres.js caches it by its text
 * and types) and each later use is one round trip.
 *
 * Bounds: only statements with parameters are prepared (one without has no
 * describe round trip to save), and none with more than PREPARE_MAX_PARAMS
 * (bulk inserts, whose text varies with their row count, would pile up one
 * statement per size). Connections are replaced every 30 minutes
 * (`max_lifetime` in db/client.ts), which bounds what each one keeps. A
 * statement whose plan was invalidated by a schema change is re-prepared by
 * postgres.js itself (its retry on `RevalidateCachedQuery`).
 */
import type { Sql } from "postgres";

type AnySql = Sql<Record<string, never>>;

const PREPARE_MAX_PARAMS = 256;

/** The options drizzle passed, with `prepare` set as above. */
export function withPrepare(params: readonly unknown[] | undefined, qopts: unknown): Record<string, unknown> {
  const n = params?.length ?? 0;
  return { ...(qopts as Record<string, unknown> | undefined), prepare: n > 0 && n <= PREPARE_MAX_PARAMS };
}

/** A transaction's (or savepoint's) sql whose unsafe() prepares, and whose savepoints do too. */
function preparing(sql: AnySql): AnySql {
  return new Proxy(sql, {
    get(target, prop) {
      if (prop === "unsafe")
        return (query: string, params?: unknown[], qopts?: unknown) =>
          target.unsafe(query, params as never, withPrepare(params, qopts) as never);
      if (prop === "savepoint") {
        const savepoint = (target as unknown as { savepoint?: Scoped }).savepoint;
        return savepoint && wrapScoped(savepoint.bind(target));
      }
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

type Scoped = (...args: unknown[]) => Promise<unknown>;

/** begin(fn) / begin(options, fn) / savepoint(fn) / savepoint(name, fn): the callback gets a preparing sql. */
export function wrapScoped(open: Scoped): Scoped {
  return (...args: unknown[]) => {
    const last = args.length - 1;
    const fn = args[last];
    if (typeof fn !== "function") return open(...args);
    const wrapped = (tx: AnySql) => (fn as (tx: AnySql) => unknown)(preparing(tx));
    return open(...args.slice(0, last), wrapped);
  };
}
