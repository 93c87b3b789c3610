/** The caller's latest import run of a kind, polled by the reconciliation page while an import runs. Counts only. */
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { httpStatusFor, publicMessage } from "@/lib/error-responses";
import { latestImportRun } from "@/lib/reconciliation/import-runs";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  try {
    const run = await latestImportRun(
      await getDb(),
      await currentPrincipal(),
      new URL(req.url).searchParams.get("kind"),
    );
    const body = run && {
      status: run.status,
      done: run.done,
      total: run.total,
      summary: run.summary,
      startedAt: run.startedAt.toISOString(),
    };
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return Response.json(
      { error: publicMessage(e) },
      { status: httpStatusFor(e), headers: { "cache-control": "no-store" } },
    );
  }
}
