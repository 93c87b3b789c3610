import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { isAppError } from "@/lib/errors";
import { errorHeaders, httpStatusFor, publicMessage } from "@/lib/error-responses";
import { log } from "@/lib/log";
import { exportCsv } from "@/lib/reports/exports";

export async function GET(_req: Request, { params }: { params: Promise<{ kind: string }> }) {
  try {
    const { filename, csv } = await exportCsv(await getDb(), await currentPrincipal(), (await params).kind);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    if (!isAppError(e)) log.error({ err: e instanceof Error ? e.name : "unknown" }, "export failed");
    return new Response(publicMessage(e), {
      status: httpStatusFor(e),
      headers: errorHeaders(e, { "content-type": "text/plain; charset=utf-8" }),
    });
  }
}
