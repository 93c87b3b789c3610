/**
 * A donor's year-end statement: every gift of the calendar year (in the fund's time zone) made
 * with their email address, card and offline (checks, wires, cash) alike, refunds said, with the same IRS acknowledgment as a receipt.
 * `buildStatement` is pure; `yearEndStatement` reads the gifts.
 */
import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { acknowledgmentLines, formatDay, type ReceiptText } from "@/lib/mail/receipt";
import { RECEIPT_TEXT, receiptLanguage } from "@/lib/mail/receipt-words";
import { formatMoney } from "@/lib/money";
import { wallOf } from "@/lib/notices/zoned-time";
import { donorUnionGifts, type UnionGift } from "./donor-gift-union";
import { fundIdentity, type FundIdentity } from "./fund";

export type StatementGift = Omit<UnionGift, "kind" | "bank"> & Partial<Pick<UnionGift, "kind" | "bank">>;

export function buildStatement(
  fund: FundIdentity,
  s: { email: string; year: number; locale: string; gifts: readonly StatementGift[] },
): ReceiptText {
  const t = RECEIPT_TEXT[receiptLanguage(s.locale)];
  const money = (c: number) => formatMoney(c, s.locale);
  const rows = s.gifts.map((g) => {
    const gift = g.amountCents - g.coverFeeCents;
    const amount =
      g.coverFeeCents > 0
        ? (g.bank ? t.itemisedBank : t.itemised)(money(gift), money(g.coverFeeCents), money(g.amountCents))
        : money(gift);
    const refunded = g.refundedCents > 0 ? ` ${t.statementRefunded(money(g.refundedCents))}` : "";
    return `${t.statementRow(formatDay(g.date, s.locale, fund.timeZone), g.alias === null ? t.generalFund : `${g.alias}*`, amount)}${refunded}`;
  });
  const net = s.gifts.reduce((sum, g) => sum + g.amountCents - g.refundedCents, 0);
  const lines = [
    t.statementFor(s.email),
    "",
    t.statementIntro(s.gifts.length, s.year, fund.fundName),
    ...rows,
    "",
    t.statementTotal(money(net)),
    "",
    // The no-goods statement covers every gift listed, so it is said whenever one reaches $250.
    ...acknowledgmentLines(t, fund, Math.max(0, ...s.gifts.map((g) => g.amountCents))),
  ];
  return {
    subject: t.statementSubject(fund.fundName, s.year),
    title: t.statementTitle(s.year),
    text: [...lines, "", t.statementAttached].join("\n"),
    lines,
  };
}

/** The fund-local calendar year of an instant. */
export function yearOf(at: Date, tz: string = env().FUND_TIME_ZONE): number {
  return Number(wallOf(at, tz).date.slice(0, 4));
}

/** A statement covers a finished year only: anything else is refused, and nothing is written. */
export function assertYearOver(year: number, at: Date): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2200)
    throw new AppError("validation", "Enter a year such as 2025.", { field: "year" });
  if (year >= yearOf(at))
    throw new AppError(
      "validation",
      `${year} is not over yet: its year-end statement can be sent from January 1, ${year + 1}.`,
      { field: "year", key: "yearNotOver" },
    );
}

/** The statement for one donor and year, or null when they gave nothing that year. */
export async function yearEndStatement(db: Db, email: string, year: number): Promise<ReceiptText | null> {
  const gifts = await donorUnionGifts(db, email, year);
  if (!gifts.length) return null;
  return buildStatement(fundIdentity(), { email, year, locale: gifts.at(-1)!.locale, gifts });
}
