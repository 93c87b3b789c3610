/** Download the generated PDF: treasurers only, audit-logged by lib/recovery/packet.ts, never cached. */
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { httpStatusFor, publicMessage } from "@/lib/error-responses";
import { refundClaimPacket } from "@/lib/recovery/packet";
import { requireId } from "@/lib/validation";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    const pdf = await refundClaimPacket(await getDb(), await currentPrincipal(), requireId(id, "bond"));
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": 'attachment; filename="refund-claim-packet.pdf"',
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    return new Response(publicMessage(e), { status: httpStatusFor(e) });
  }
}
