/** Row-bound encryption for after-release records (obligors, notices, follow-ups): one AAD per table and row. */
import { caseFileKeys } from "@/lib/case-files/keys";
import { decryptJson, encryptJson } from "@/lib/privacy/case-file-crypto";

export type SealedTable =
  "obligor" | "obligor-address" | "notice" | "followup" | "refund-claim" | "donor-contact" | "monthly-donor-contact";

export function seal(table: SealedTable, rowId: string, value: unknown): string {
  return encryptJson(value, caseFileKeys().keyring, `${table}:${rowId}`);
}

export function unseal<T>(table: SealedTable, rowId: string, envelope: string): T {
  return decryptJson<T>(envelope, caseFileKeys().keyring, `${table}:${rowId}`);
}
