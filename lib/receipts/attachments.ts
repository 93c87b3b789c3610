/**
 * The PDF a queued mail carries, rebuilt from the books when it is sent (the outbox stores which
 * document, never its bytes). A document is only ever attached for its own donor: a receipt whose
 * gift has another address, or a statement with no gifts from the recipient, is refused.
 */
import "server-only";
import type { Db } from "@/db/client";
import { giftReceipt } from "./gift-receipt";
import { renderDocumentPdf } from "./pdf";
import { yearEndStatement } from "./statement";

export interface PdfAttachment {
  filename: string;
  content: Buffer;
  contentType: "application/pdf";
}

const REF = /^(receipt):([0-9a-f-]{36})$|^(statement):(\d{4})$/;

export async function renderAttachment(db: Db, ref: string, to: string): Promise<PdfAttachment> {
  const m = REF.exec(ref);
  if (!m) throw new Error("unknown attachment kind");
  const doc = m[1]
    ? await giftReceipt(db, m[2]!).then((r) => (r && r.email?.toLowerCase() === to.toLowerCase() ? r : null))
    : await yearEndStatement(db, to, Number(m[4]));
  if (!doc) throw new Error("attachment has no document for this recipient");
  const filename = m[1] ? `receipt-${m[2]!.slice(0, 8)}.pdf` : `statement-${m[4]}.pdf`;
  return {
    filename,
    content: Buffer.from(await renderDocumentPdf(doc.title, doc.lines)),
    contentType: "application/pdf",
  };
}
