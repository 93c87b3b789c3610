/**
 * Which amount the donor chose, and what it will cost them, for the donate form
 * (browser) and the server action alike, so the figure shown is the figure
 * charged. No zod here: the browser ships this file.
 */
import { bankOffered, bankSavingsFor, coverFeeFor, DEFAULT_RATES, type FeeRates, type PaymentMethod } from "./fees";
import { MIN_GIFT_CENTS } from "./limits";
import { parseUsd } from "@/lib/money";

export interface AmountFields {
  preset?: string;
  other?: string;
  coverFee?: string;
  frequency?: string;
  paymentMethod?: string;
}

/**
 * What the donor typed wins whenever the Other box is not empty: without
 * JavaScript the preset radio stays ticked while they type, and a typo must be
 * refused, never silently replaced by a preset. (The script empties the box
 * when a preset is clicked.)
 */
export function chosenAmountText(v: AmountFields): string {
  const other = v.other ?? "";
  if (other.trim() !== "" || v.preset === "other" || !v.preset) return other;
  return v.preset;
}

export interface GiftPreview {
  giftCents: number;
  feeCents: number;
  /** What is charged (card) or debited (bank): the gift, plus the fee cover when ticked. */
  chargeCents: number;
  cover: boolean;
  /** The method the figures are for: bank only where it is offered, else card. */
  method: PaymentMethod;
  /** Whether bank debit is offered for this gift (one-time, from the fund's minimum). */
  bankAvailable: boolean;
  /** What paying by bank instead of card saves the fund on this gift. */
  bankSavingsCents: number;
}

/** The gift and charge the server would accept for these fields, or null when it would refuse them. */
export function giftPreview(v: AmountFields, maxCents: number, rates: FeeRates = DEFAULT_RATES): GiftPreview | null {
  const text = chosenAmountText(v);
  let giftCents: number;
  try {
    giftCents = parseUsd(text, { max: Number.MAX_SAFE_INTEGER });
  } catch {
    return null;
  }
  if (giftCents < MIN_GIFT_CENTS || giftCents > maxCents) return null;
  const bankAvailable = bankOffered(rates, giftCents, v.frequency === "monthly" ? "monthly" : "one_off");
  const method: PaymentMethod = bankAvailable && v.paymentMethod === "us_bank_account" ? "us_bank_account" : "card";
  const feeCents = coverFeeFor(giftCents, rates[method]);
  const cover = v.coverFee === "on";
  return {
    giftCents,
    feeCents,
    chargeCents: giftCents + (cover ? feeCents : 0),
    cover,
    method,
    bankAvailable,
    bankSavingsCents: bankAvailable ? bankSavingsFor(giftCents, rates) : 0,
  };
}
