export { StripeDouble } from './stripe-double';
export type { StripeDoubleOptions } from './core';
export type { CheckoutOutcome } from './checkout';
export { DoubleHttpClient } from './http-client';
export { createDoubleStripe } from './create-double-stripe';
export { handleHttp, type DoubleHttpResponse } from './handle-http';
export { signEvent, type SignedEvent, type DeliverOptions, type DeliveryResult } from './delivery';
export { MemoryStore, type DoubleStore } from './store';
export { processingFee, US_STANDARD_FEES, type FeeSchedule } from './fees';
