/**
 * Structured logging (pino). Case-file fields, emails, secrets and tokens are
 * redacted by key wherever they appear, as a second line of defence: code must
 * not log them in the first place.
 */
import pino from "pino";

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
  "password",
  "token",
  "secret",
  "authorization",
  "cookie",
].flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  redact: { paths: REDACT, censor: "[redacted]" },
  base: { app: "openbond" },
});
