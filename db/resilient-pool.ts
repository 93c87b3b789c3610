/**
 * A postgres.js pool that survives terminated backends and server restarts.
 *
 * postgres.js 3.4.9 poisons a connection whose socket closes while a write is
 * pending (a stale write timer: later queries on it are never sent, and a
 * ROLLBACK on it throws "Cannot read properties of null (reading 'write')" from
 * a timer). Seen here: after a few pg_terminate_backend calls every query of
 * the pool hung. So:
 * - every call (a statement outside a transaction, or a whole transaction) has
 *   a deadline, after which it fails with DbDeadlineError (a 503, not a hang);
 * - the first fault (a connection error or a deadline) retires the pool: new
 *   calls go to a fresh one, the old one gets a few seconds to finish and is
 *   then destroyed, taking any poisoned connection with it;
 * - plain SELECTs outside a transaction are retried within a short budget, so a
 *   page read caught by a dropped connection costs a pause, not an error page.
 * Writes are never retried here: after a dropped connection nobody knows
 * whether they committed (callers use idempotency keys and retry themselves).
 */
import type { Sql } from "postgres";
import {
  DbDeadlineError,
  isDbUnavailable,
  isRetryableRead,
  retryOnFault,
  withDbDeadline,
  type ReadRetry,
} from "./faults";
import { noteDbFault, noteDbOk, registerDbProbe, type DbHealthState } from "./health";
import { withPrepare, wrapScoped } from "./prepared";

export interface ResilientOptions {
  /** Deadline for one statement outside a transaction, or one whole transaction. */
  callTimeoutMs: number;
  readRetry: ReadRetry;
  /** Seconds the retired pool gets to finish its work before it is destroyed. */
  retireGraceSeconds: number;
  /** At most one swap per this many ms (a restarting server fails every call). */
  minSwapIntervalMs: number;
  onSwap?: (reason: string) => void;
  /**
   * Report every call's outcome to this process-wide health state and register
   * a probe there (db/health.ts: page requests answer 503 while it says down).
   * Only the app's own pool does; one-off pools (seeding, scripts) do not.
   */
  health?: DbHealthState;
  /** Deadline of the health probe's `SELECT 1` (default 2,000 ms). */
  probeTimeoutMs?: number;
}

type AnySql = Sql<Record<string, never>>;

export interface ResilientPool {
  /** Hand this to drizzle: it forwards to whichever pool is current. */
  client: AnySql;
  swaps(): number;
  /** One `SELECT 1` on the current pool, with the probe deadline (a fault retires the pool like any other). */
  probe(): Promise<unknown>;
  end(opts?: { timeout?: number }): Promise<void>;
}

export function resilientPool(make: () => AnySql, opts: ResilientOptions): ResilientPool {
  const first = make();
  let current = first;
  let lastSwap = 0;
  let swapCount = 0;
  const retired = new Set<AnySql>();

  const swap = (reason: string) => {
    if (Date.now() - lastSwap < opts.minSwapIntervalMs) return;
    lastSwap = Date.now();
    swapCount++;
    const old = current;
    current = make();
    // drizzle set its type parsers on the first pool's options; the new pool needs the same.
    Object.assign(current.options.parsers, first.options.parsers);
    Object.assign(current.options.serializers, first.options.serializers);
    retired.add(old);
    old
      .end({ timeout: opts.retireGraceSeconds })
      .catch(() => {})
      .finally(() => retired.delete(old));
    opts.onSwap?.(reason);
  };

  const health = opts.health;
  const guard = <T>(work: PromiseLike<T>, what: string, ms = opts.callTimeoutMs): Promise<T> =>
    withDbDeadline(Promise.resolve(work), ms, what).then(
      (v) => {
        if (health) noteDbOk(health);
        return v;
      },
      (e: unknown) => {
        const fault = e instanceof DbDeadlineError || isDbUnavailable(e);
        if (e instanceof DbDeadlineError) swap("deadline");
        else if (fault) swap("connection fault");
        // Any other error (a constraint, a bad value) was an answer from the server.
        if (health) (fault ? noteDbFault : noteDbOk)(health);
        throw e;
      },
    );

  const unsafe = (query: string, params?: unknown[], qopts?: unknown) => {
    const once = (values: boolean) => {
      const q = current.unsafe(query, params as never, withPrepare(params, qopts) as never);
      return guard(values ? q.values() : q, "A database query");
    };
    const run = (values: boolean) =>
      isRetryableRead(query) ? retryOnFault(() => once(values), opts.readRetry) : once(values);
    return {
      values: () => run(true),
      then: (ok?: (v: unknown) => unknown, fail?: (e: unknown) => unknown) => run(false).then(ok, fail),
    };
  };

  const begin = (...args: unknown[]) =>
    guard(
      wrapScoped(current.begin.bind(current) as (...a: unknown[]) => Promise<unknown>)(...args),
      "A database transaction",
    );

  const client = new Proxy(first, {
    get(_target, prop) {
      if (prop === "unsafe") return unsafe;
      if (prop === "begin") return begin;
      const value = Reflect.get(current, prop) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(current) : value;
    },
  });

  const probe = () => guard(current.unsafe("select 1"), "The database health probe", opts.probeTimeoutMs ?? 2_000);
  if (health) registerDbProbe(probe, health);

  return {
    client,
    probe,
    swaps: () => swapCount,
    end: async ({ timeout = 5 } = {}) => {
      if (health?.probe === probe) health.probe = undefined;
      await Promise.all([current, ...retired].map((c) => c.end({ timeout }).catch(() => {})));
    },
  };
}
