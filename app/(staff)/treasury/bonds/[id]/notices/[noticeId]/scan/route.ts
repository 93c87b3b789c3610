/** Download a notice's scan: treasurers and admins only, every download in the audit log, never cached. */
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { httpStatusFor, publicMessage } from "@/lib/error-responses";
import { downloadScan } from "@/lib/notices/read";
import { requireId } from "@/lib/validation";

const EXT: Record<string, string> = { "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png" };

export async function GET(_req: Request, ctx: { params: Promise<{ id: string; noticeId: string }> }) {
  try {
    const { noticeId } = await ctx.params;
    const s = await downloadScan(await getDb(), await currentPrincipal(), requireId(noticeId, "notice"));
    return new Response(new Uint8Array(s.bytes), {
      headers: {
        "Content-Type": s.mime,
        // The file name says the form only, never a person.
        "Content-Disposition": `attachment; filename="${s.form}-scan.${EXT[s.mime]}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    return new Response(publicMessage(e), { status: httpStatusFor(e) });
  }
}
