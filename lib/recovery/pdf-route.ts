/** The recovery PDFs' download route: treasurers only, audit-logged by packet.ts, never cached. */
import "server-only";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { currentPrincipal } from "@/lib/auth/config";
import type { Principal } from "@/lib/auth/roles";
import { httpStatusFor, publicMessage } from "@/lib/error-responses";
import { requireId } from "@/lib/validation";

type MakePdf = (db: Db, actor: Principal | null, bondId: string) => Promise<Uint8Array>;

/** A GET handler for /treasury/bonds/[id]/recovery/…: the bond's PDF from `make`, as an attachment named `filename`. */
export function bondPdfRoute(make: MakePdf, filename: string) {
  return async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
    try {
      const { id } = await ctx.params;
      const pdf = await make(await getDb(), await currentPrincipal(), requireId(id, "bond"));
      return new Response(new Uint8Array(pdf), {
        headers: {
          "Content-Type": "application/pdf",
          "Content-Disposition": `attachment; filename="${filename}"`,
          "Cache-Control": "private, no-store",
        },
      });
    } catch (e) {
      return new Response(publicMessage(e), { status: httpStatusFor(e) });
    }
  };
}
