/** A plain letter-size PDF from paragraphs (pdf-lib, standard Helvetica: text stays extractable and searchable). */
import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";

export type Block = { text: string; bold?: boolean; size?: number; gap?: number } | { checklist: string[] };

const PAGE = { w: 612, h: 792, margin: 64 };

/** Helvetica's WinAnsi encoding cannot draw every character: fold the few we use, drop the rest. */
function safe(s: string): string {
  return s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u2192/g, "->")
    .replace(/[^\x20-\x7e\u00a0-\u00ff\u2013\u2014]/g, "?");
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (const word of para.split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        out.push(line);
        line = word;
      } else line = next;
    }
    out.push(line);
  }
  return out;
}

export async function renderPdf(title: string, blocks: Block[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setCreator("OpenBond");
  // A fixed date keeps the file's bytes a function of its content (no timestamp leaks, reproducible tests).
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page = doc.addPage([PAGE.w, PAGE.h]);
  let y = PAGE.h - PAGE.margin;
  const width = PAGE.w - 2 * PAGE.margin;
  const line = (text: string, font: PDFFont, size: number, x = PAGE.margin) => {
    if (y < PAGE.margin + size) {
      page = doc.addPage([PAGE.w, PAGE.h]);
      y = PAGE.h - PAGE.margin;
    }
    page.drawText(safe(text), { x, y, size, font, color: rgb(0, 0, 0) });
    y -= size * 1.35;
  };
  for (const b of blocks) {
    if ("checklist" in b) {
      for (const item of b.checklist) {
        const lines = wrap(safe(item), regular, 11, width - 24);
        lines.forEach((l, i) => line(i === 0 ? `[  ]  ${l}` : `      ${l}`, regular, 11, PAGE.margin + 6));
      }
      y -= 8;
      continue;
    }
    const size = b.size ?? 11;
    const font = b.bold ? bold : regular;
    for (const l of wrap(safe(b.text), font, size, width)) line(l, font, size);
    y -= b.gap ?? 8;
  }
  return doc.save();
}
