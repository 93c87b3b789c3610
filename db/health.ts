/**
 * Process-wide database health, so that page requests can answer 503 (not a
 * 500 error page) while the database is unreachable.
 *
 * The resilient pool reports every call's outcome here (noteDbOk/noteDbFault)
 * and registers a probe (one `SELECT 1` with a short deadline). proxy.ts asks
 * `dbGate()` before a page renders:
 * - no fault since the last success (the normal case): pass, at no cost;
 * - a fault since the last success: one probe (shared by all requests that
 *   arrive meanwhile) decides; pass if it succeeds, 503 if it fails or hangs.
 *   So a 503 always follows a round trip that just failed, and a healthy
 *   database never gets one; a recovered one is noticed on the next request.
 *
 * Under `next start` proxy.ts runs in the same Node.js process as the
 * renderers but from its own bundle (its own copy of this module), so the state
 * lives on globalThis under a registry symbol. Where proxy runs elsewhere (a
 * CDN), it simply finds no fault and passes everything.
 *
 * No imports on purpose: proxy.ts pulls this file in and must not bundle a driver.
 */

export interface DbHealthState {
  /** Date.now() of the last database fault (0: none yet). */
  lastFaultAt: number;
  /** Date.now() of the last successful database call (0: none yet). */
  lastOkAt: number;
  /** Registered by the pool: resolves after one round trip, rejects on a fault. */
  probe?: () => Promise<unknown>;
  /** The probe in flight, shared by concurrent requests. */
  probing: Promise<boolean> | null;
  /** When the last probe failed (0: never). */
  lastProbeFailedAt: number;
}

const KEY = Symbol.for("openbond.db-health");

export function dbHealthState(): DbHealthState {
  const g = globalThis as typeof globalThis & { [KEY]?: DbHealthState };
  return (g[KEY] ??= { lastFaultAt: 0, lastOkAt: 0, probing: null, lastProbeFailedAt: 0 });
}

export function noteDbOk(state: DbHealthState = dbHealthState(), now = Date.now()): void {
  if (now > state.lastOkAt) state.lastOkAt = now;
}

export function noteDbFault(state: DbHealthState = dbHealthState(), now = Date.now()): void {
  if (now > state.lastFaultAt) state.lastFaultAt = now;
}

export function registerDbProbe(probe: () => Promise<unknown>, state: DbHealthState = dbHealthState()): void {
  state.probe = probe;
}

/** A fault was seen and no call has succeeded since. */
export function faultSinceLastOk(state: DbHealthState): boolean {
  return state.lastFaultAt > 0 && state.lastFaultAt >= state.lastOkAt;
}

export interface GateOptions {
  /** How long a request waits for the probe before it answers 503 (default 2,000 ms). */
  probeWaitMs?: number;
  /** After a failed probe, answer 503 without a new one for this long (default 1,000 ms). */
  reprobeAfterMs?: number;
  /** Without a registered probe (PGlite, or no pool yet): 503 for this long after a fault (default 3,000 ms). */
  noProbeWindowMs?: number;
  now?: () => number;
}

export type GateVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

const RETRY_AFTER_SECONDS = 5;

/** Whether a page request should render now (ok) or answer 503. Costs nothing while healthy. */
export async function dbGate(state: DbHealthState = dbHealthState(), opts: GateOptions = {}): Promise<GateVerdict> {
  const now = opts.now ?? Date.now;
  if (!faultSinceLastOk(state)) return { ok: true };
  const down: GateVerdict = { ok: false, retryAfterSeconds: RETRY_AFTER_SECONDS };
  const probe = state.probe;
  if (!probe) return now() - state.lastFaultAt < (opts.noProbeWindowMs ?? 3_000) ? down : { ok: true };
  if (
    !state.probing &&
    state.lastProbeFailedAt > state.lastOkAt &&
    now() - state.lastProbeFailedAt < (opts.reprobeAfterMs ?? 1_000)
  )
    return down;
  if (!state.probing) {
    const probing: Promise<boolean> = Promise.resolve()
      .then(probe)
      .then(
        () => {
          noteDbOk(state, now());
          return true;
        },
        () => {
          state.lastProbeFailedAt = now();
          noteDbFault(state, now());
          return false;
        },
      )
      .finally(() => {
        if (state.probing === probing) state.probing = null;
      });
    state.probing = probing;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), opts.probeWaitMs ?? 2_000);
  });
  try {
    return (await Promise.race([state.probing, waited])) ? { ok: true } : down;
  } finally {
    clearTimeout(timer);
  }
}
