/** A production environment parseEnv (lib/env.ts) accepts: tests drop or change a setting to see it refused. */
export const PROD_ENV: Record<string, string> = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://x/y",
  AUTH_SECRET: "x".repeat(32),
  CASE_FILE_KEYS: "k1:x",
  A_NUMBER_HMAC_KEY: "x",
  SMTP_URL: "smtp://x",
  APP_URL: "https://fund.example",
  STRIPE_SECRET_KEY: "sk_live_x",
  STRIPE_WEBHOOK_SECRET: "whsec_x",
  FUND_LEGAL_NAME: "Example Bond Fund, Inc.",
  FUND_EIN: "12-3456789",
};

/** PROD_ENV without these settings. */
export function prodEnvWithout(...keys: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(PROD_ENV).filter(([k]) => !keys.includes(k)));
}
