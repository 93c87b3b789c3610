/**
 * Development needs no configuration, but sessions and case files still need
 * real secrets: without them set, generate strong ones once into the data
 * folder (git-ignored) and say so loudly. Production refuses to start instead (lib/env.ts).
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { appEnv, env } from "./env";
import { log } from "./log";

export interface Secrets {
  authSecret: string;
  caseFileKeys: string;
  aNumberHmacKey: string;
}

/**
 * Always `.data/dev-secrets.json` under the working directory (git-ignored), whatever
 * PGLITE_DATA_DIR says: deriving it from the data folder once put the keys at the repository
 * root (`memory://` and relative folders resolve there), where they were committed.
 */
export function devSecretsFile(cwd: string = process.cwd()): string {
  const dataDir = path.resolve(cwd, ".data");
  const file = path.join(dataDir, "dev-secrets.json");
  if (path.dirname(file) !== dataDir) throw new Error("development secrets must live in .data/");
  return file;
}

const holder = globalThis as typeof globalThis & { __openbondSecrets?: Secrets };

export function secrets(): Secrets {
  if (holder.__openbondSecrets) return holder.__openbondSecrets;
  const e = env();
  const given = { authSecret: e.AUTH_SECRET, caseFileKeys: e.CASE_FILE_KEYS, aNumberHmacKey: e.A_NUMBER_HMAC_KEY };
  if (given.authSecret && given.caseFileKeys && given.aNumberHmacKey) {
    holder.__openbondSecrets = given as Secrets;
    return holder.__openbondSecrets;
  }
  if (appEnv(e) === "production")
    throw new Error("AUTH_SECRET, CASE_FILE_KEYS and A_NUMBER_HMAC_KEY are required in production.");
  const file = devSecretsFile();
  let stored: Partial<Secrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, "utf8")) as Partial<Secrets>;
  const generated: Secrets = {
    authSecret: given.authSecret ?? stored.authSecret ?? randomBytes(32).toString("base64url"),
    caseFileKeys: given.caseFileKeys ?? stored.caseFileKeys ?? `dev1:${randomBytes(32).toString("base64")}`,
    aNumberHmacKey: given.aNumberHmacKey ?? stored.aNumberHmacKey ?? randomBytes(32).toString("base64"),
  };
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
    log.warn(
      { file },
      "DEVELOPMENT SECRETS GENERATED: session and case-file keys were written to this file. Never use them for real data; set AUTH_SECRET, CASE_FILE_KEYS and A_NUMBER_HMAC_KEY.",
    );
  }
  holder.__openbondSecrets = generated;
  return generated;
}
