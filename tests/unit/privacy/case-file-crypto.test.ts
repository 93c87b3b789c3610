import { randomBytes } from "node:crypto";
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  aNumberHash,
  decryptJson,
  encryptJson,
  normalizeANumber,
  parseKeyring,
  PrivacyError,
  type Keyring,
} from "../../../lib/privacy/case-file-crypto";

const k1 = { id: "k1", key: randomBytes(32) };
const k2 = { id: "k2", key: randomBytes(32) };
const RING: Keyring = { current: k2, previous: [k1] };
const CASE = { legalName: "Juan Pérez", aNumber: "A012345678", dateOfBirth: "1990-03-07" };

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PrivacyError);
    const err = e as PrivacyError;
    for (const secret of ["Juan", "Pérez", "012345678", k1.key.toString("base64"), k2.key.toString("base64")]) {
      expect(err.message).not.toContain(secret);
    }
    return err.code;
  }
  throw new Error("expected a PrivacyError");
}

/** Flips one bit in the n-th dot-separated part of an envelope. */
function tamper(envelope: string, part: number): string {
  const parts = envelope.split(".");
  const bytes = Buffer.from(parts[part]!, "base64url");
  bytes[0] = bytes[0]! ^ 1;
  parts[part] = bytes.toString("base64url");
  return parts.join(".");
}

describe("encryptJson / decryptJson", () => {
  it("round-trips JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.option(fc.string(), { nil: undefined }), (value, aad) => {
        const env = encryptJson(value, RING, aad);
        expect(decryptJson(env, RING, aad)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 200 },
    );
  });

  it("produces a v1 envelope under the current key id, with a fresh IV each time", () => {
    const a = encryptJson(CASE, RING);
    const b = encryptJson(CASE, RING);
    expect(a).toMatch(/^v1\.k2\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(a).not.toBe(b);
  });

  it("never contains the plaintext, in any encoding", () => {
    const env = encryptJson(CASE, RING);
    const json = JSON.stringify(CASE);
    for (const needle of ["Juan", "P\u00e9rez", "012345678", Buffer.from(json).toString("base64url").slice(0, 12)]) {
      expect(env).not.toContain(needle);
    }
  });

  it("decrypts rows written before a key rotation", () => {
    const old = encryptJson(CASE, { current: k1 });
    expect(decryptJson(old, RING)).toEqual(CASE);
  });

  it("fails clearly for an unknown key id or a wrong key", () => {
    const env = encryptJson(CASE, RING);
    expect(codeOf(() => decryptJson(env, { current: k1 }))).toBe("unknown_key_id");
    expect(codeOf(() => decryptJson(env, { current: { id: "k2", key: randomBytes(32) } }))).toBe("decrypt_failed");
  });

  it.each([
    [2, "iv"],
    [3, "ciphertext"],
    [4, "tag"],
  ])("detects a tampered part %i (%s)", (part) => {
    const env = encryptJson(CASE, RING, "case-1");
    expect(codeOf(() => decryptJson(tamper(env, part), RING, "case-1"))).toBe("decrypt_failed");
  });

  it("binds the ciphertext to its associated data (no swapping rows)", () => {
    const env = encryptJson(CASE, RING, "case-1");
    expect(codeOf(() => decryptJson(env, RING, "case-2"))).toBe("decrypt_failed");
    expect(codeOf(() => decryptJson(env, RING))).toBe("decrypt_failed");
    expect(codeOf(() => decryptJson(encryptJson(CASE, RING), RING, "case-1"))).toBe("decrypt_failed");
  });

  it("binds the key id: relabelling an envelope fails", () => {
    const ring: Keyring = { current: k1, previous: [{ id: "k9", key: k1.key }] };
    const env = encryptJson(CASE, ring).replace(/^v1\.k1\./, "v1.k9.");
    expect(codeOf(() => decryptJson(env, ring))).toBe("decrypt_failed");
  });

  it.each([
    ["not-an-envelope", "malformed_envelope"],
    ["v2.k2.aaaa.bbbb.cccc", "unsupported_version"],
    ["v1.k2.a+b.bbbb.cccc", "malformed_envelope"],
    ["v1.k2.AAAA.bbbb.cccc", "malformed_envelope"],
  ])("rejects %s with %s", (env, code) => {
    expect(codeOf(() => decryptJson(env, RING))).toBe(code);
  });

  it("rejects bad keys and unserializable values", () => {
    expect(codeOf(() => encryptJson(CASE, { current: { id: "k1", key: randomBytes(16) } }))).toBe("invalid_key");
    expect(codeOf(() => encryptJson(CASE, { current: { id: "k.1", key: randomBytes(32) } }))).toBe("invalid_key");
    expect(codeOf(() => encryptJson(undefined, RING))).toBe("not_serializable");
    expect(codeOf(() => encryptJson({ n: 1n }, RING))).toBe("not_serializable");
    const loop: Record<string, unknown> = { legalName: "Juan" };
    loop.self = loop;
    expect(codeOf(() => encryptJson(loop, RING))).toBe("not_serializable");
  });
});

describe("normalizeANumber and aNumberHash", () => {
  const hmacKey = randomBytes(32);

  it.each([
    ["A 012-345-678", "012345678"],
    ["12345678", "012345678"],
    ["012345678", "012345678"],
    ["A#12.345.678", "012345678"],
    ["a-201 555 123", "201555123"],
    [" A012345678 ", "012345678"],
  ])("%s → %s", (input, out) => {
    expect(normalizeANumber(input)).toBe(out);
  });

  it.each(["", "A", "1234567", "1234567890", "B12345678", "12345678X", "A12-34-56-78-90", "12,345,678"])(
    "rejects %j",
    (input) => {
      expect(codeOf(() => normalizeANumber(input))).toBe("invalid_a_number");
    },
  );

  it("hashes every spelling of one A-number the same", () => {
    const h = aNumberHash("A 012-345-678", hmacKey);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(aNumberHash("12345678", hmacKey)).toBe(h);
    expect(aNumberHash("012345678", hmacKey)).toBe(h);
    expect(aNumberHash("012345679", hmacKey)).not.toBe(h);
    expect(aNumberHash("012345678", randomBytes(32))).not.toBe(h);
  });

  it("requires a real HMAC key", () => {
    expect(codeOf(() => aNumberHash("012345678", randomBytes(8)))).toBe("invalid_key");
  });
});

describe("parseKeyring", () => {
  const b64 = (b: Buffer): string => b.toString("base64");

  it("takes the first entry as current and the rest as previous", () => {
    const ring = parseKeyring(` k2:${b64(k2.key)} , k1:${k1.key.toString("base64url")}`);
    expect(ring.current.id).toBe("k2");
    expect(ring.current.key.equals(k2.key)).toBe(true);
    expect(ring.previous?.map((k) => k.id)).toEqual(["k1"]);
    expect(ring.previous?.[0]?.key.equals(k1.key)).toBe(true);
    expect(parseKeyring(`only:${b64(k1.key)}`).previous).toBeUndefined();
  });

  it.each([
    ["", "keyring_empty"],
    [" , ", "keyring_empty"],
    [b64(k1.key), "keyring_malformed"],
    [`k.1:${b64(k1.key)}`, "keyring_bad_key_id"],
    [`k1:${b64(randomBytes(16))}`, "keyring_bad_key"],
    [`k1:not base64!`, "keyring_bad_key"],
    [`k1:${b64(k1.key)},k1:${b64(k2.key)}`, "keyring_duplicate_id"],
  ])("rejects %j with %s, without echoing key material", (env, code) => {
    expect(codeOf(() => parseKeyring(env))).toBe(code);
  });
});
