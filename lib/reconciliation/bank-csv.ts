/**
 * Parse a bank statement CSV (columns date, amount, description — any case,
 * extra columns ignored). All or nothing: any bad line refuses the whole file
 * with a message naming the line and the column, never echoing descriptions.
 */
import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { AppError } from "@/lib/errors";
import { parseUsd } from "@/lib/money";

export interface BankLine {
  postedOn: string;
  amountCents: number;
  description: string;
  fingerprint: string;
}

export const MAX_CSV_BYTES = 10 * 1024 * 1024;

function toIsoDate(raw: string): string | null {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (us) [y, m, d] = [Number(us[3]), Number(us[1]), Number(us[2])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? date.toISOString().slice(0, 10)
    : null;
}

export function parseBankCsv(text: string): BankLine[] {
  if (Buffer.byteLength(text) > MAX_CSV_BYTES)
    throw new AppError("validation", "The file is larger than 10 MB; split it by month.");
  let records: Record<string, string>[];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new AppError("validation", `The file is not valid CSV${line ? ` (near line ${line})` : ""}.`);
  }
  if (!records.length) throw new AppError("validation", "The file has no statement lines.");
  for (const col of ["date", "amount", "description"]) {
    if (!(col in records[0]!))
      throw new AppError(
        "validation",
        `The file needs a "${col}" column (found: ${Object.keys(records[0]!).join(", ").slice(0, 200)}).`,
      );
  }
  const seen = new Map<string, number>();
  return records.map((r, i) => {
    const lineNo = i + 2; // header is line 1
    const postedOn = toIsoDate(r.date ?? "");
    if (!postedOn)
      throw new AppError("validation", `Line ${lineNo}: the date must look like 2026-03-31 or 03/31/2026.`);
    const rawAmount = (r.amount ?? "").replace(/^\((.*)\)$/, "-$1");
    let amountCents: number;
    try {
      amountCents = parseUsd(rawAmount, { allowNegative: true, field: `amount on line ${lineNo}` });
    } catch {
      throw new AppError("validation", `Line ${lineNo}: the amount must be a dollar amount like -1,234.56.`);
    }
    if (amountCents === 0) throw new AppError("validation", `Line ${lineNo}: the amount cannot be zero.`);
    const description = (r.description ?? "").slice(0, 500);
    const base = `${postedOn}|${amountCents}|${description}`;
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    const fingerprint = createHash("sha256").update(`${base}|${occurrence}`).digest("hex");
    return { postedOn, amountCents, description, fingerprint };
  });
}
