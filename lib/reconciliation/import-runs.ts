/**
 * Import runs: a row per long import, updated in batches and committed as it
 * goes, so a page can poll it while the import runs in another request.
 */
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { importRuns } from "@/db/schema";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { publicMessage } from "@/lib/error-responses";
import { parseOrThrow } from "@/lib/validation";

export type ImportKind = (typeof importRuns.kind.enumValues)[number];
export type ImportRun = typeof importRuns.$inferSelect;

export interface ImportHooks {
  /** Called after each batch, once the run row says how far it got. */
  onProgress?: () => void | Promise<void>;
}

export type Progress = (done: number, total?: number) => Promise<void>;

/**
 * Run `work` under a new import run of `kind` started by `me`: it reports with
 * `progress`; the run ends `done` with `summarize(result)`, or `failed` with the
 * message a treasurer would see (never a private value), and the error is rethrown.
 */
export async function withImportRun<T>(
  db: Db,
  me: Principal,
  kind: ImportKind,
  work: (progress: Progress) => Promise<T>,
  summarize: (r: T) => string,
  hooks: ImportHooks = {},
): Promise<T> {
  const [run] = await db.insert(importRuns).values({ kind, startedBy: me.userId }).returning({ id: importRuns.id });
  const byId = eq(importRuns.id, run!.id);
  const progress: Progress = async (done, total) => {
    await db
      .update(importRuns)
      .set({ done, ...(total === undefined ? {} : { total }), updatedAt: new Date() })
      .where(byId);
    await hooks.onProgress?.();
  };
  try {
    const result = await work(progress);
    await db
      .update(importRuns)
      .set({ status: "done", summary: summarize(result), updatedAt: new Date(), finishedAt: new Date() })
      .where(byId);
    return result;
  } catch (e) {
    await db
      .update(importRuns)
      .set({ status: "failed", summary: publicMessage(e), updatedAt: new Date(), finishedAt: new Date() })
      .where(byId);
    throw e;
  }
}

/** The caller's most recent run of a kind (treasurers and admins read their own runs only). */
export async function latestImportRun(db: Db, actor: Principal | null, kind: unknown): Promise<ImportRun | null> {
  const me = requireRole(actor, "treasurer", "admin");
  const k = parseOrThrow(z.enum(importRuns.kind.enumValues, "Unknown import kind."), kind);
  const [row] = await db
    .select()
    .from(importRuns)
    .where(and(eq(importRuns.startedBy, me.userId), eq(importRuns.kind, k)))
    .orderBy(desc(importRuns.startedAt), desc(importRuns.updatedAt))
    .limit(1);
  return row ?? null;
}
