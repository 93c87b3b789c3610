import { PrivacyError } from "./privacy-error";

export interface KeyringKey {
  id: string;
  key: Buffer;
}

export interface Keyring {
  /** Encrypts all new ciphertexts. */
  current: KeyringKey;
  /** Retired keys, kept so rows written before a rotation still decrypt. */
  previous?: KeyringKey[];
}

/** Key ids travel inside envelopes, so no dots and nothing secret-looking. */
export const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

// Parses CASE_FILE_KEYS="k2:<base64>,k1:<base64>" (first = current). Errors
// cite entries by position only: a mis-pasted value may be key material.
export function parseKeyring(envString: string): Keyring {
  const entries = envString
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  if (entries.length === 0) {
    throw new PrivacyError("keyring_empty", 'Keyring is empty: expected "id:base64key[,id:base64key...]".');
  }
  const keys: KeyringKey[] = entries.map((entry, i) => parseEntry(entry, i + 1));
  const firstSeen = new Map<string, number>();
  keys.forEach((k, i) => {
    const prior = firstSeen.get(k.id);
    if (prior !== undefined) {
      throw new PrivacyError("keyring_duplicate_id", `Keyring entries #${prior} and #${i + 1} share a key id.`);
    }
    firstSeen.set(k.id, i + 1);
  });
  const [current, ...previous] = keys as [KeyringKey, ...KeyringKey[]];
  return previous.length > 0 ? { current, previous } : { current };
}

function parseEntry(entry: string, position: number): KeyringKey {
  const colon = entry.indexOf(":");
  if (colon < 0) {
    throw new PrivacyError("keyring_malformed", `Keyring entry #${position} is not in the form id:base64key.`);
  }
  const id = entry.slice(0, colon).trim();
  const encoded = entry.slice(colon + 1).trim();
  if (!KEY_ID.test(id)) {
    throw new PrivacyError(
      "keyring_bad_key_id",
      `Keyring entry #${position} has an invalid key id (use 1–32 letters, digits, "_" or "-").`,
    );
  }
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded)) {
    throw new PrivacyError("keyring_bad_key", `Keyring entry #${position} (id "${id}") is not base64.`);
  }
  const key = Buffer.from(encoded.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.length !== 32) {
    throw new PrivacyError(
      "keyring_bad_key",
      `Keyring entry #${position} (id "${id}") decodes to ${key.length} bytes; AES-256 needs 32.`,
    );
  }
  return { id, key };
}
