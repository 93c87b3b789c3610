export { postEntry, type PostResult } from "./post-entry";
export { reverseEntry, type ReverseInput } from "./reverse-entry";
export {
  getBalance,
  getBalances,
  verifyCachedBalances,
  kindTotals,
  sumKinds,
  verifyKindTotals,
  verifyDonorCounts,
  trialBalance,
  type KindTotalMismatch,
  type DonorCountMismatch,
  type TrialBalance,
  type BalanceMismatch,
} from "./balances";
export { campaignAccount, bondAccount, FIXED_ACCOUNTS, type AccountCode } from "./accounts";
export type { EntryInput, EntryLine } from "./entry-input";
