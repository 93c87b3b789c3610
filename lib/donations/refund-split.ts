/**
 * Where a refund of a gift comes from in the books, as lib/payments/webhooks/books.ts
 * (campaignThenGeneral) books it: the gift's share of its campaign, as far as the campaign still holds
 * it; the general pool for the rest. Pure, so the gift page can show it before the treasurer confirms.
 */
export function refundSplit(amount: number, share: number, held: number): { campaign: number; general: number } {
  const campaign = Math.max(0, Math.min(amount, share, held));
  return { campaign, general: amount - campaign };
}
