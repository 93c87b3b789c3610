export { postEntry, type PostResult } from "./post-entry";
export { reverseEntry, type ReverseInput } from "./reverse-entry";
export {
  getBalance,
  getBalances,
  verifyCachedBalances,
  trialBalance,
  type TrialBalance,
  type BalanceMismatch,
} from "./balances";
export { campaignAccount, bondAccount, FIXED_ACCOUNTS, type AccountCode } from "./accounts";
export type { EntryInput, EntryLine } from "./entry-input";
