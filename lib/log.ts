/**
 * Structured logging (pino). Case-file fields, emails, secrets and tokens are redacted by
 * key wherever they appear, and every message and string field is scrubbed of email
 * addresses, tokens and SQL parameters (lib/log-scrub.ts), as a second line of defence:
 * code must not log them in the first place.
 */
import pino from "pino";
import { scrubValue } from "./log-scrub";

const REDACT = [
  "legalName",
  "aNumber",
  "dateOfBirth",
  "dob",
  "phone",
  "address",
  "countryOfBirth",
  "facility",
  "email",
  "to",
  "identifier",
  "password",
  "token",
  "sessionToken",
  "secret",
  "authorization",
  "cookie",
  "params",
].flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  redact: { paths: REDACT, censor: "[redacted]" },
  base: { app: "openbond" },
  hooks: {
    logMethod(args, method) {
      method.apply(
        this,
        args.map((a) =>
          typeof a === "object" && a !== null && !(a instanceof Error) ? scrubObject(a) : scrubValue(a),
        ) as Parameters<typeof method>,
      );
    },
  },
});

function scrubObject(o: object): object {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = typeof v === "string" || v instanceof Error ? scrubValue(v) : v;
  return out;
}
