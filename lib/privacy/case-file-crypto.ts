import "server-only";
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { normalizeANumber } from "./a-number";
import { KEY_ID, type Keyring, type KeyringKey } from "./keyring";
import { PrivacyError } from "./privacy-error";

export { normalizeANumber } from "./a-number";
export { PrivacyError } from "./privacy-error";
export { parseKeyring, type Keyring } from "./keyring";

// Where case files are encrypted and who may read them: docs/privacy.md.
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

function checkKey(k: KeyringKey): void {
  if (!KEY_ID.test(k.id)) {
    throw new PrivacyError("invalid_key", 'Key id must be 1–32 letters, digits, "_" or "-".');
  }
  if (!Buffer.isBuffer(k.key) || k.key.length !== 32) {
    throw new PrivacyError("invalid_key", `Key "${k.id}" must be 32 bytes for AES-256-GCM.`);
  }
}

// The header is authenticated too, so a ciphertext cannot be relabelled with
// another key id, and the caller's AAD (e.g. the case-file id) binds it to
// one row: swapping ciphertexts between rows fails to decrypt.
function aadFor(keyId: string, aad: string | undefined): Buffer {
  return Buffer.from(`${VERSION}.${keyId}\u0000${aad ?? ""}`, "utf8");
}

export function encryptJson(value: unknown, keyring: Keyring, aad?: string): string {
  checkKey(keyring.current);
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // The engine's message can quote property names; say only what failed.
    json = undefined;
  }
  if (json === undefined) {
    throw new PrivacyError("not_serializable", "Case file value cannot be serialized to JSON.");
  }
  const { id, key } = keyring.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aadFor(id, aad));
  const ciphertext = Buffer.concat([cipher.update(json, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, id, iv, ciphertext, tag].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

const B64URL = /^[A-Za-z0-9_-]*$/;

export function decryptJson<T>(envelope: string, keyring: Keyring, aad?: string): T {
  const parts = envelope.split(".");
  if (parts.length !== 5) {
    throw new PrivacyError("malformed_envelope", "Ciphertext envelope must have 5 dot-separated parts.");
  }
  const [version, keyId, ivB64, ctB64, tagB64] = parts as [string, string, string, string, string];
  if (version !== VERSION) {
    throw new PrivacyError("unsupported_version", "Ciphertext envelope version is not supported.");
  }
  if (![ivB64, ctB64, tagB64].every((p) => B64URL.test(p))) {
    throw new PrivacyError("malformed_envelope", "Ciphertext envelope is not valid base64url.");
  }
  const iv = Buffer.from(ivB64, "base64url");
  const tag = Buffer.from(tagB64, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new PrivacyError("malformed_envelope", "Ciphertext envelope has a wrong IV or tag length.");
  }
  const known = [keyring.current, ...(keyring.previous ?? [])];
  const entry = known.find((k) => k.id === keyId);
  if (!entry) {
    throw new PrivacyError(
      "unknown_key_id",
      KEY_ID.test(keyId)
        ? `No key with id "${keyId}" in the keyring; was it removed before re-encryption?`
        : "Ciphertext envelope names an invalid key id.",
    );
  }
  checkKey(entry);
  let json: string;
  try {
    const decipher = createDecipheriv("aes-256-gcm", entry.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aadFor(keyId, aad));
    decipher.setAuthTag(tag);
    json = Buffer.concat([decipher.update(Buffer.from(ctB64, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new PrivacyError(
      "decrypt_failed",
      `Case file could not be decrypted with key "${keyId}": wrong key, tampered data or wrong associated data.`,
    );
  }
  try {
    return JSON.parse(json) as T;
  } catch {
    // JSON.parse errors quote the input, which here is plaintext.
    throw new PrivacyError("decrypt_failed", `Decrypted case file under key "${keyId}" is not valid JSON.`);
  }
}

/**
 * Keyed hash of the canonical A-number, so duplicates can be found without
 * decrypting and without a table an attacker could brute-force offline.
 */
export function aNumberHash(aNumber: string, hmacKey: Buffer): string {
  if (!Buffer.isBuffer(hmacKey) || hmacKey.length < 32) {
    throw new PrivacyError("invalid_key", "A-number HMAC key must be at least 32 bytes.");
  }
  return createHmac("sha256", hmacKey).update(normalizeANumber(aNumber), "utf8").digest("hex");
}
