/** GET: the lawyer's .ics file of one person's appointments (signed-in lawyer of record only; never cached, never public). */
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { appointmentsIcs } from "@/lib/appointments/ics";
import { errorHeaders, httpStatusFor, publicMessage } from "@/lib/error-responses";
import { requireId } from "@/lib/validation";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await params;
    const me = await currentPrincipal();
    const ics = await appointmentsIcs(await getDb(), me, requireId(id, "campaign"));
    return new Response(ics.body, {
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": `attachment; filename="${ics.filename}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    return Response.json(
      { error: publicMessage(e) },
      { status: httpStatusFor(e), headers: errorHeaders(e, { "cache-control": "no-store" }) },
    );
  }
}
