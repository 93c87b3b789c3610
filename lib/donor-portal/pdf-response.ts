/** The self-service PDF downloads: the session's own documents only; anything else is a 404 (no hint whose). */
import "server-only";
import { cookies } from "next/headers";
import { getDb } from "@/db";
import { now } from "@/lib/clock";
import { renderDocumentPdf } from "@/lib/receipts/pdf";
import { yearEndStatement, yearOf } from "@/lib/receipts/statement";
import { DONOR_COOKIE, donorSessionEmail } from "./access";
import { donorReceipt } from "./gifts";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

async function pdf(kind: "receipt" | "statement", key: string): Promise<Response> {
  const db = await getDb();
  const email = await donorSessionEmail(db, (await cookies()).get(DONOR_COOKIE)?.value);
  if (!email) return notFound();
  let doc;
  if (kind === "receipt") doc = await donorReceipt(db, email, key);
  else {
    const year = /^\d{4}$/.test(key) ? Number(key) : NaN;
    doc = year < yearOf(now()) ? await yearEndStatement(db, email, year) : null;
  }
  if (!doc) return notFound();
  const bytes = await renderDocumentPdf(doc.title, doc.lines);
  const name = kind === "receipt" ? `receipt-${key.slice(0, 8)}.pdf` : `statement-${key}.pdf`;
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

export const receiptPdfResponse = (id: string) => pdf("receipt", id);
export const statementPdfResponse = (year: string) => pdf("statement", year);
