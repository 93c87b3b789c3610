// One error type for the privacy modules so callers can map `code` to a
// response. Messages may name key ids and entry positions, never plaintext,
// key material or the A-number itself.

export type PrivacyErrorCode =
  | "invalid_a_number"
  | "invalid_key"
  | "unknown_key_id"
  | "malformed_envelope"
  | "unsupported_version"
  | "decrypt_failed"
  | "not_serializable"
  | "keyring_empty"
  | "keyring_malformed"
  | "keyring_bad_key_id"
  | "keyring_bad_key"
  | "keyring_duplicate_id";

export class PrivacyError extends Error {
  readonly code: PrivacyErrorCode;

  constructor(code: PrivacyErrorCode, message: string) {
    super(message);
    this.name = "PrivacyError";
    this.code = code;
  }
}
