/**
 * When a bank debit is expected to settle. Stripe's ACH Direct Debit takes about
 * four business days from submission; the real date is the charge's balance
 * transaction `available_on`, and the books move only when Stripe says the
 * payment succeeded, whatever this estimate says.
 */
const ACH_SETTLEMENT_BUSINESS_DAYS = 4;

/** `days` business days (Monday to Friday, UTC) after `from`. Bank holidays are not counted: an estimate. */
function addBusinessDays(from: Date, days: number): Date {
  const t = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    t.setUTCDate(t.getUTCDate() + 1);
    const weekday = t.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return t;
}

export function expectedSettlement(submittedAt: Date): Date {
  return addBusinessDays(submittedAt, ACH_SETTLEMENT_BUSINESS_DAYS);
}
