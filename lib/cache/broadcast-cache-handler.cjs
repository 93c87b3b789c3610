/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, required by Next.js at run time */
/**
 * Next.js's own cache handler (file system + memory, unchanged) plus a broadcast
 * of every tag revalidation to the other app instances through PostgreSQL
 * LISTEN/NOTIFY, so that money booked on one instance shows on every
 * instance's cached pages within moments, not after the 30 s `revalidate`.
 *
 * Why this and not a shared cache store (Redis, or pages in PostgreSQL): each
 * instance keeps serving cached pages from its own memory at full speed (no
 * network hop per request), PostgreSQL is already the one shared service, and
 * what must be shared is tiny (a tag and a time). An instance that misses a
 * notification (connection lost) still refreshes by the page's `revalidate`.
 *
 * Loaded by next.config.js (`cacheHandler`); plain CommonJS because Next.js
 * requires it at run time, outside the bundle. Without DATABASE_URL (PGlite,
 * one process) or while building, it is just the default handler.
 */
const { randomUUID } = require("node:crypto");
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;

const CHANNEL = "openbond_revalidate";
/** This process: its own notifications come back to it and are skipped. */
const ORIGIN = randomUUID();

/**
 * Every revalidation this process makes or hears of, counted where lib/cache/public-html.ts (the
 * public pages' HTML, kept by proxy.ts) reads it: any change makes that HTML stale.
 */
const REVALIDATIONS = Symbol.for("openbond.revalidations");
function countRevalidation() {
  const counter = (globalThis[REVALIDATIONS] ??= { n: 0 });
  counter.n += 1;
}

/** One listening connection per process (Next.js makes a handler per request). */
let bus;

function startBus() {
  const url = process.env.DATABASE_URL;
  if (!url || process.env.NEXT_PHASE === "phase-production-build") return null;
  const postgres = require("postgres");
  const sql = postgres(url, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: "openbond-revalidate" },
  });
  const apply = (payload) => {
    let msg;
    try {
      msg = JSON.parse(payload);
    } catch {
      return;
    }
    if (!msg || msg.o === ORIGIN || !Array.isArray(msg.t)) return;
    // The default handler keeps revalidated tags in a process-wide manifest that every get() consults.
    void FileSystemCache.prototype.revalidateTag.call({}, msg.t, msg.d ?? undefined);
    countRevalidation();
  };
  const listening = sql.listen(CHANNEL, apply).catch((e) => {
    console.error(
      `revalidation broadcast: cannot listen (${e && e.message}); other instances' changes show by revalidate only`,
    );
  });
  return {
    listening,
    publish: (tags, durations) =>
      sql.notify(CHANNEL, JSON.stringify({ o: ORIGIN, t: tags, d: durations ?? null })).catch((e) => {
        console.error(`revalidation broadcast: NOTIFY failed (${e && e.message})`);
      }),
  };
}

class BroadcastCacheHandler extends FileSystemCache {
  constructor(ctx) {
    super(ctx);
    if (bus === undefined) bus = startBus();
  }

  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    countRevalidation();
    const list = typeof tags === "string" ? [tags] : tags;
    if (bus && list.length) await bus.publish(list, durations);
  }
}

module.exports = BroadcastCacheHandler;
