/**
 * Receipts and statements as letter-size PDFs (pdf-lib). The font is DejaVu Sans, installed from
 * npm (dejavu-fonts-ttf) and embedded as a subset with @pdf-lib/fontkit, so Spanish, and names and
 * aliases in Latin, Greek, Cyrillic, Armenian or Georgian script, print as typed and stay
 * extractable. pdf-lib neither shapes nor reorders right-to-left text, and DejaVu lacks CJK and
 * most Indic scripts: those characters print as "?" rather than wrongly. The document never fails
 * for a name, and its IRS content is all in Latin script.
 */
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont } from "pdf-lib";

const PAGE = { w: 612, h: 792, margin: 64 };
const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");

let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;
function fontBytes() {
  fonts ??= Promise.all([
    readFile(path.join(FONT_DIR, "DejaVuSans.ttf")),
    readFile(path.join(FONT_DIR, "DejaVuSans-Bold.ttf")),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
}

/** Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms: right-to-left, which pdf-lib cannot lay out. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/** Only what the font can draw left to right; anything else becomes "?" (and control characters vanish). */
function drawable(font: PDFFont, text: string): string {
  const known = new Set(font.getCharacterSet());
  let out = "";
  for (const ch of text.replace(/[\u0000-\u001f\u007f]/g, ""))
    out += known.has(ch.codePointAt(0)!) && !RTL.test(ch) ? ch : "?";
  return out;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      out.push(line);
      line = word;
    } else line = next;
  }
  out.push(line);
  return out;
}

/** A title, then each line as a paragraph (an empty line is a gap). */
export async function renderDocumentPdf(title: string, lines: readonly string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(title);
  doc.setCreator("OpenBond");
  // A fixed date keeps the bytes a function of the content (no timestamp leaks, reproducible tests).
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  const bytes = await fontBytes();
  const regular = await doc.embedFont(bytes.regular, { subset: true });
  const bold = await doc.embedFont(bytes.bold, { subset: true });
  let page = doc.addPage([PAGE.w, PAGE.h]);
  let y = PAGE.h - PAGE.margin;
  const width = PAGE.w - 2 * PAGE.margin;
  const draw = (text: string, font: PDFFont, size: number) => {
    for (const l of wrap(drawable(font, text), font, size, width)) {
      if (y < PAGE.margin + size) {
        page = doc.addPage([PAGE.w, PAGE.h]);
        y = PAGE.h - PAGE.margin;
      }
      page.drawText(l, { x: PAGE.margin, y, size, font, color: rgb(0, 0, 0) });
      y -= size * 1.4;
    }
  };
  draw(title, bold, 18);
  y -= 10;
  for (const line of lines) {
    if (line === "") y -= 8;
    else draw(line, regular, 11);
  }
  return doc.save();
}
