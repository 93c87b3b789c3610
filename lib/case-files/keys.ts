import { secrets } from "@/lib/dev-secrets";
import { parseKeyring, type Keyring } from "@/lib/privacy/case-file-crypto";

const holder = globalThis as typeof globalThis & { __openbondKeys?: { keyring: Keyring; hmac: Buffer } };

/** Case-file keys from CASE_FILE_KEYS / A_NUMBER_HMAC_KEY (or the generated development ones). */
export function caseFileKeys(): { keyring: Keyring; hmac: Buffer } {
  if (!holder.__openbondKeys) {
    const s = secrets();
    const hmac = Buffer.from(s.aNumberHmacKey, "base64");
    if (hmac.length < 32) throw new Error("A_NUMBER_HMAC_KEY must be base64 of at least 32 bytes.");
    holder.__openbondKeys = { keyring: parseKeyring(s.caseFileKeys), hmac };
  }
  return holder.__openbondKeys;
}
