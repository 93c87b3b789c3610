import Stripe from "stripe";
import type { DoubleCore } from "./core";
import { DoubleHttpClient } from "./http-client";

/** A real SDK client wired to the double in-process; for tests. */
export function createDoubleStripe(double: DoubleCore, key: string = double.secretKey): Stripe {
  return new Stripe(key, { httpClient: new DoubleHttpClient(double), maxNetworkRetries: 0 });
}
