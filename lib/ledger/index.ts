export { postEntry } from "./post-entry";
export { reverseEntry } from "./reverse-entry";
export {
  getBalance,
  getBalances,
  verifyCachedBalances,
  kindTotals,
  sumKinds,
  verifyKindTotals,
  verifyDonorCounts,
  trialBalance,
} from "./balances";
export { campaignAccount, bondAccount, type AccountCode } from "./accounts";
export type { EntryInput, EntryLine } from "./entry-input";
