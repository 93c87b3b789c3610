import * as K from "./checkout-params";
import { allowedMethods, checkKeys, validateLines, type CheckoutLine } from "./checkout-lines";
import { invalidParam, invalidRequest, missingParam } from "./errors";
import type { FormObject } from "./form";
import { isHttpUrl, metadataOf, optEnum, optInteger, optObject, optString } from "./params";

export interface CheckoutRequest {
  mode: "payment" | "subscription";
  lines: CheckoutLine[];
  amountTotal: number;
  successUrl: string | null;
  cancelUrl: string | null;
  clientReferenceId: string | null;
  customerEmail: string | null;
  metadata: Record<string, string>;
  submitType: (typeof K.SUBMIT_TYPES)[number] | null;
  /** `required`: Checkout asks the payer for a full billing address (and name). */
  billingAddressCollection: "auto" | "required" | null;
  expiresAt: number;
  piMetadata: Record<string, string>;
  piDescription: string | null;
  subMetadata: Record<string, string>;
  subDescription: string | null;
  allowedPaymentMethodTypes: string[] | null;
}

const MAX_AMOUNT_TOTAL = 99_999_999;

export function validateCheckoutCreate(p: FormObject, now: number): CheckoutRequest {
  checkKeys(p, K.SESSION_CREATE_KEYS, K.SESSION_CREATE_ACCEPTED);
  const modeRaw = optString(p, "mode");
  if (modeRaw === undefined) throw missingParam("mode");
  if (modeRaw === "setup")
    throw invalidRequest(
      "mode=setup is not implemented by the OpenBond Stripe double.",
      "mode",
      "parameter_unsupported_by_double",
    );
  const mode = optEnum(p, "mode", ["payment", "subscription"] as const) ?? "payment";

  const uiMode = optEnum(p, "ui_mode", K.UI_MODES) ?? "hosted_page";
  if (uiMode !== "hosted_page")
    throw invalidRequest(
      `ui_mode=${uiMode} is not implemented by the OpenBond Stripe double.`,
      "ui_mode",
      "parameter_unsupported_by_double",
    );

  const currency = optString(p, "currency");
  if (currency !== undefined && currency.toLowerCase() !== "usd")
    throw invalidParam("currency", `The OpenBond Stripe double only supports usd, not ${currency}.`);

  const lines = validateLines(p, mode);
  const amountTotal = lines.reduce((s, l) => s + l.unitAmount * l.quantity, 0);
  if (amountTotal > MAX_AMOUNT_TOTAL)
    throw invalidParam("line_items", "The Checkout Session's total amount must be no more than $999,999.99.");

  const successUrl = optString(p, "success_url") ?? null;
  if (successUrl === null) throw missingParam("success_url");
  if (!isHttpUrl(successUrl)) throw invalidRequest("Not a valid URL", "success_url", "url_invalid");
  const cancelUrl = optString(p, "cancel_url") ?? null;
  if (cancelUrl !== null && !isHttpUrl(cancelUrl)) throw invalidRequest("Not a valid URL", "cancel_url", "url_invalid");

  const clientReferenceId = optString(p, "client_reference_id") ?? null;
  if (clientReferenceId !== null && clientReferenceId.length > 200)
    throw invalidParam("client_reference_id", "client_reference_id must be at most 200 characters.");
  const customerEmail = optString(p, "customer_email") ?? null;
  if (customerEmail !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(customerEmail))
    throw invalidRequest(`Invalid email address: ${customerEmail}`, "customer_email", "email_invalid");

  const submitType = optEnum(p, "submit_type", K.SUBMIT_TYPES) ?? null;
  if (mode === "subscription" && submitType !== null && submitType !== "auto" && submitType !== "subscribe") {
    throw invalidParam("submit_type", `submit_type=${submitType} can only be used in \`payment\` mode.`);
  }
  if (mode === "payment" && submitType === "subscribe")
    throw invalidParam("submit_type", "submit_type=subscribe can only be used in `subscription` mode.");

  const expiresAt = optInteger(p, "expires_at") ?? now + 24 * 3600;
  if (expiresAt < now + 30 * 60)
    throw invalidParam(
      "expires_at",
      "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.",
    );
  if (expiresAt > now + 24 * 3600)
    throw invalidParam(
      "expires_at",
      "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.",
    );

  const piData = optObject(p, "payment_intent_data");
  if (piData && mode !== "payment")
    throw invalidParam("payment_intent_data", "You can not pass `payment_intent_data` in `subscription` mode.");
  if (piData) checkKeys(piData, K.PI_DATA_KEYS, K.PI_DATA_ACCEPTED, "payment_intent_data");
  const subData = optObject(p, "subscription_data");
  if (subData && mode !== "subscription")
    throw invalidParam("subscription_data", "You can not pass `subscription_data` in `payment` mode.");
  if (subData) checkKeys(subData, K.SUB_DATA_KEYS, K.SUB_DATA_ACCEPTED, "subscription_data");

  return {
    mode,
    lines,
    amountTotal,
    successUrl,
    cancelUrl,
    clientReferenceId,
    customerEmail,
    metadata: metadataOf(p, "metadata"),
    submitType,
    billingAddressCollection: optEnum(p, "billing_address_collection", ["auto", "required"] as const) ?? null,
    expiresAt,
    piMetadata: piData ? metadataOf(piData, "metadata", "payment_intent_data[metadata]") : {},
    piDescription: piData ? (optString(piData, "description", "payment_intent_data[description]") ?? null) : null,
    subMetadata: subData ? metadataOf(subData, "metadata", "subscription_data[metadata]") : {},
    subDescription: subData ? (optString(subData, "description", "subscription_data[description]") ?? null) : null,
    allowedPaymentMethodTypes: allowedMethods(p, mode),
  };
}
