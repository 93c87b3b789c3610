/** Development outbox: the PDF a queued mail will carry, built as the mail sender builds it. This machine or an admin only. */
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { outboxMessages } from "@/db/schema";
import { devToolsAllowed } from "@/lib/dev/dev-access";
import { renderAttachment } from "@/lib/receipts/attachments";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  if (!(await devToolsAllowed(req.headers)) || !UUID.test(id)) return new Response("Not found", { status: 404 });
  const db = await getDb();
  const [m] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
  if (!m?.attachment) return new Response("Not found", { status: 404 });
  const pdf = await renderAttachment(db, m.attachment, m.toAddress).catch(() => null);
  if (!pdf) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(pdf.content), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${pdf.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
