/**
 * One pure builder per entry kind of the chart of accounts
 * (docs/chart-of-accounts.md): each says when its entry happens and which
 * accounts it moves. Callers do the I/O (reads, the idempotency key, postEntry).
 */
export { donationEntry } from "./donation";
export { processingFeeEntry } from "./processing-fee";
export { refundEntry } from "./refund";
export { disputeEntry } from "./dispute";
export { disputeReversalEntry } from "./dispute-reversal";
export { payoutEntry } from "./payout";
export { bondPaymentEntry } from "./bond-payment";
export { bondPaymentCorrectionEntry } from "./bond-payment-correction";
export { bondRefundEntry } from "./bond-refund";
export { interestEntry } from "./interest";
export { forfeitureEntry } from "./forfeiture";
export { reallocationEntry } from "./reallocation";
export { adjustmentEntry } from "./adjustment";
export { allowanceAdjustmentEntry } from "./allowance-adjustment";
export { writeOffEntries } from "./write-off";
export { offlineGiftEntry, offlineGiftReturnedEntry } from "./offline-gift";
export { depositEntry, depositReturnedEntry } from "./deposit";
