/**
 * npm run stripe:double — the offline Stripe double as its own HTTP server (like
 * stripe-mock), so its state survives restarts of the app. Point the app at it:
 *
 *   STRIPE_DOUBLE_PORT=3611 npm run stripe:double
 *   STRIPE_API_BASE=http://127.0.0.1:3611 STRIPE_SECRET_KEY=<printed> STRIPE_WEBHOOK_SECRET=<printed> APP_ENV=test npm start
 *
 * Keys: STRIPE_DOUBLE_SECRET_KEY (sk_test_double_…) and STRIPE_DOUBLE_WEBHOOK_SECRET
 * (whsec_…), generated and printed when unset. Serves the Stripe API only: the
 * benchmark and fault tests drive payments in their own process (bench/webhook.ts).
 */
import { serveDouble, StripeDouble } from "@/stripe-double";

async function main(): Promise<void> {
  const port = Number(process.env.STRIPE_DOUBLE_PORT || 12111);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`STRIPE_DOUBLE_PORT must be a port number, not "${process.env.STRIPE_DOUBLE_PORT}"`);
  const double = new StripeDouble({
    ...(process.env.STRIPE_DOUBLE_SECRET_KEY ? { secretKey: process.env.STRIPE_DOUBLE_SECRET_KEY } : {}),
    ...(process.env.STRIPE_DOUBLE_WEBHOOK_SECRET ? { webhookSecret: process.env.STRIPE_DOUBLE_WEBHOOK_SECRET } : {}),
  });
  const server = await serveDouble(double, { port, host: process.env.STRIPE_DOUBLE_HOST || "127.0.0.1" });
  console.log(`Stripe double listening on ${server.url}`);
  console.log(`STRIPE_API_BASE=${server.url}`);
  console.log(`STRIPE_SECRET_KEY=${double.secretKey}`);
  console.log(`STRIPE_WEBHOOK_SECRET=${double.webhookSecret}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void server.close().finally(() => process.exit(0)));
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
