/**
 * A software WebAuthn authenticator for the integration tests: ES256 keys from node's crypto,
 * "none" attestation, assertions signed as a real authenticator signs them (authenticatorData
 * ‖ sha256(clientDataJSON)). Every field can be bent to play an attacker: another origin or RP
 * id, an old challenge, a counter that goes backwards.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { isoBase64URL, isoCBOR } from "@simplewebauthn/server/helpers";

interface Key {
  privateKey: KeyObject;
  cose: Uint8Array;
  counter: number;
}

const b64 = (b: Uint8Array | Buffer) => isoBase64URL.fromBuffer(new Uint8Array(b));
const sha256 = (b: Uint8Array | string) => createHash("sha256").update(b).digest();

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

export interface Bend {
  origin?: string;
  rpId?: string;
  challenge?: string;
  counter?: number;
  type?: string;
}

export class SoftAuthenticator {
  readonly keys = new Map<string, Key>();

  constructor(
    readonly origin: string,
    readonly rpId: string,
  ) {}

  private clientData(type: string, challenge: string, bend: Bend): string {
    return b64(
      Buffer.from(
        JSON.stringify({ type: bend.type ?? type, challenge, origin: bend.origin ?? this.origin, crossOrigin: false }),
      ),
    );
  }

  /** A registration response to `options` (the JSON SimpleWebAuthn's generateRegistrationOptions returned). */
  register(options: { challenge: string }, bend: Bend = {}) {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const jwk = publicKey.export({ format: "jwk" }) as { x: string; y: string };
    const cose = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, isoBase64URL.toBuffer(jwk.x)],
        [-3, isoBase64URL.toBuffer(jwk.y)],
      ]),
    );
    const id = randomBytes(16);
    const counter = bend.counter ?? 0;
    const authData = Buffer.concat([
      sha256(bend.rpId ?? this.rpId),
      Buffer.from([0x45]), // user present, user verified, attested credential data
      u32(counter),
      Buffer.alloc(16), // AAGUID
      Buffer.from([id.length >> 8, id.length & 0xff]),
      id,
      Buffer.from(cose),
    ]);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, string>>([
        ["fmt", "none"],
        ["attStmt", new Map<string, string>()],
        ["authData", new Uint8Array(authData)],
      ]),
    );
    this.keys.set(b64(id), { privateKey, cose, counter });
    return {
      id: b64(id),
      rawId: b64(id),
      type: "public-key" as const,
      response: {
        clientDataJSON: this.clientData("webauthn.create", bend.challenge ?? options.challenge, bend),
        attestationObject: b64(attestationObject),
        transports: ["internal"],
      },
      clientExtensionResults: {},
    };
  }

  /** An assertion for `options` with one of this authenticator's keys (the first one by default). */
  assert(options: { challenge: string }, credentialId?: string, bend: Bend = {}) {
    const id = credentialId ?? [...this.keys.keys()][0]!;
    const key = this.keys.get(id);
    if (!key) throw new Error("no such key in this authenticator");
    key.counter = bend.counter ?? key.counter + 1;
    const authData = Buffer.concat([sha256(bend.rpId ?? this.rpId), Buffer.from([0x05]), u32(key.counter)]);
    const clientDataJSON = this.clientData("webauthn.get", bend.challenge ?? options.challenge, bend);
    const signature = sign(
      "sha256",
      Buffer.concat([authData, sha256(isoBase64URL.toBuffer(clientDataJSON))]),
      key.privateKey,
    );
    return {
      id,
      rawId: id,
      type: "public-key" as const,
      response: { clientDataJSON, authenticatorData: b64(authData), signature: b64(signature) },
      clientExtensionResults: {},
    };
  }
}
