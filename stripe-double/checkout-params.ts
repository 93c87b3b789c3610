import type Stripe from "stripe";
import type { CoversAllKeys } from "./params";

type Create = Stripe.Checkout.SessionCreateParams;

/** Every top-level param the pinned SDK knows. An SDK upgrade that adds or drops one breaks the build here. */
export const SESSION_CREATE_KEYS = [
  "adaptive_pricing",
  "after_expiration",
  "allow_promotion_codes",
  "allowed_payment_method_types",
  "automatic_tax",
  "billing_address_collection",
  "branding_settings",
  "cancel_url",
  "client_reference_id",
  "consent_collection",
  "currency",
  "custom_fields",
  "custom_text",
  "customer",
  "customer_account",
  "customer_creation",
  "customer_email",
  "customer_update",
  "discounts",
  "excluded_payment_method_types",
  "expand",
  "expires_at",
  "integration_identifier",
  "invoice_creation",
  "line_items",
  "locale",
  "managed_payments",
  "metadata",
  "mode",
  "name_collection",
  "optional_items",
  "origin_context",
  "payment_intent_data",
  "payment_method_collection",
  "payment_method_configuration",
  "payment_method_data",
  "payment_method_options",
  "permissions",
  "phone_number_collection",
  "redirect_on_completion",
  "return_url",
  "saved_payment_method_options",
  "setup_intent_data",
  "shipping_address_collection",
  "shipping_options",
  "submit_type",
  "subscription_data",
  "success_url",
  "tax_id_collection",
  "ui_mode",
  "wallet_options",
] as const satisfies readonly (keyof Create)[];
const _top: CoversAllKeys<Create, typeof SESSION_CREATE_KEYS> = true;

/**
 * Params the double honours, or may safely ignore because they only change the
 * look of Stripe's page. Anything else that Stripe knows is refused as
 * unsupported rather than silently ignored, so tests never pass on a lie.
 */
export const SESSION_CREATE_ACCEPTED = [
  "mode",
  "line_items",
  "success_url",
  "cancel_url",
  "client_reference_id",
  "customer_email",
  "metadata",
  "payment_intent_data",
  "subscription_data",
  "submit_type",
  "expires_at",
  "currency",
  "ui_mode",
  "expand",
  "locale",
  "custom_text",
  "billing_address_collection",
  "branding_settings",
  "phone_number_collection",
  "name_collection",
  "wallet_options",
  "payment_method_options",
  "payment_method_configuration",
  "integration_identifier",
  "allowed_payment_method_types",
  "excluded_payment_method_types",
  "customer_creation",
  "payment_method_collection",
  "tax_id_collection",
  "consent_collection",
] as const satisfies readonly (typeof SESSION_CREATE_KEYS)[number][];

type LineItem = Stripe.Checkout.SessionCreateParams.LineItem;
export const LINE_ITEM_KEYS = [
  "adjustable_quantity",
  "metadata",
  "price",
  "price_data",
  "quantity",
  "tax_rates",
] as const satisfies readonly (keyof LineItem)[];
const _li: CoversAllKeys<LineItem, typeof LINE_ITEM_KEYS> = true;
export const LINE_ITEM_ACCEPTED = ["price_data", "quantity", "metadata"] as const;

type PriceData = Stripe.Checkout.SessionCreateParams.LineItem.PriceData;
export const PRICE_DATA_KEYS = [
  "currency",
  "product",
  "product_data",
  "recurring",
  "tax_behavior",
  "unit_amount",
  "unit_amount_decimal",
] as const satisfies readonly (keyof PriceData)[];
const _pd: CoversAllKeys<PriceData, typeof PRICE_DATA_KEYS> = true;
export const PRICE_DATA_ACCEPTED = ["currency", "product_data", "recurring", "tax_behavior", "unit_amount"] as const;

type ProductData = Stripe.Checkout.SessionCreateParams.LineItem.PriceData.ProductData;
export const PRODUCT_DATA_KEYS = [
  "description",
  "images",
  "metadata",
  "name",
  "tax_code",
  "tax_details",
  "unit_label",
] as const satisfies readonly (keyof ProductData)[];
const _prd: CoversAllKeys<ProductData, typeof PRODUCT_DATA_KEYS> = true;

type Recurring = Stripe.Checkout.SessionCreateParams.LineItem.PriceData.Recurring;
export const RECURRING_KEYS = ["interval", "interval_count"] as const satisfies readonly (keyof Recurring)[];
const _rec: CoversAllKeys<Recurring, typeof RECURRING_KEYS> = true;

type PiData = Stripe.Checkout.SessionCreateParams.PaymentIntentData;
export const PI_DATA_KEYS = [
  "application_fee_amount",
  "capture_method",
  "description",
  "metadata",
  "on_behalf_of",
  "receipt_email",
  "setup_future_usage",
  "shipping",
  "statement_descriptor",
  "statement_descriptor_suffix",
  "transfer_data",
  "transfer_group",
] as const satisfies readonly (keyof PiData)[];
const _pi: CoversAllKeys<PiData, typeof PI_DATA_KEYS> = true;
export const PI_DATA_ACCEPTED = [
  "description",
  "metadata",
  "receipt_email",
  "statement_descriptor",
  "statement_descriptor_suffix",
] as const;

type SubData = Stripe.Checkout.SessionCreateParams.SubscriptionData;
export const SUB_DATA_KEYS = [
  "application_fee_percent",
  "billing_cycle_anchor",
  "billing_cycle_anchor_config",
  "billing_mode",
  "default_tax_rates",
  "description",
  "invoice_settings",
  "metadata",
  "on_behalf_of",
  "pending_invoice_item_interval",
  "proration_behavior",
  "transfer_data",
  "trial_end",
  "trial_period_days",
  "trial_settings",
] as const satisfies readonly (keyof SubData)[];
const _sub: CoversAllKeys<SubData, typeof SUB_DATA_KEYS> = true;
export const SUB_DATA_ACCEPTED = ["description", "metadata"] as const;

export const UI_MODES = [
  "elements",
  "embedded_page",
  "form",
  "hosted_page",
] as const satisfies readonly Stripe.Checkout.SessionCreateParams.UiMode[];
export const SUBMIT_TYPES = [
  "auto",
  "book",
  "donate",
  "pay",
  "subscribe",
] as const satisfies readonly Stripe.Checkout.SessionCreateParams.SubmitType[];

void [_top, _li, _pd, _prd, _rec, _pi, _sub];
