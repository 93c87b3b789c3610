import Stripe from "stripe";
import type { DoubleCore } from "./core";
import type { DoubleHttpResponse } from "./handle-http";
import { DoubleHttpClient } from "./http-client";

/** A real SDK client wired to the double in-process; for tests (`observe` sees every response). */
export function createDoubleStripe(
  double: DoubleCore,
  key: string = double.secretKey,
  observe?: (res: DoubleHttpResponse, method: string, path: string) => void,
): Stripe {
  return new Stripe(key, { httpClient: new DoubleHttpClient(double, observe), maxNetworkRetries: 0 });
}
