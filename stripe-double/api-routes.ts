/** Every route of the double's Stripe API: no two match the same method and path, so the order is free. */
import { BILLING_ROUTES } from "./routes/billing";
import { DISPUTE_ROUTES } from "./routes/disputes";
import type { Route } from "./routes/handlers";
import { PAYMENT_ROUTES } from "./routes/payments";

export const ROUTES: Route[] = [...PAYMENT_ROUTES, ...BILLING_ROUTES, ...DISPUTE_ROUTES];
