import * as K from "./checkout-params";
import { invalidParam, invalidRequest, missingParam, unknownParam } from "./errors";
import { isFormObject, type FormObject } from "./form";
import { isHttpUrl, metadataOf, optEnum, optInteger, optObject, optString, reqString } from "./params";

interface CheckoutLine {
  name: string;
  unitAmount: number;
  quantity: number;
}

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
  expiresAt: number;
  piMetadata: Record<string, string>;
  piDescription: string | null;
  subMetadata: Record<string, string>;
  subDescription: string | null;
}

const MAX_UNIT_AMOUNT = 99_999_999; // Stripe's 8-digit limit for USD amounts
const MAX_AMOUNT_TOTAL = 99_999_999;

/** Refuse params Stripe rejects, and params Stripe accepts but the double cannot honour. */
function checkKeys(obj: FormObject, all: readonly string[], accepted: readonly string[], prefix = ""): void {
  for (const key of Object.keys(obj)) {
    const param = prefix ? `${prefix}[${key}]` : key;
    if (!all.includes(key)) throw unknownParam(param);
    if (!accepted.includes(key)) {
      throw invalidRequest(
        `${param} is a valid Stripe parameter that the OpenBond Stripe double does not implement.`,
        param,
        "parameter_unsupported_by_double",
      );
    }
  }
}

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
    expiresAt,
    piMetadata: piData ? metadataOf(piData, "metadata", "payment_intent_data[metadata]") : {},
    piDescription: piData ? (optString(piData, "description", "payment_intent_data[description]") ?? null) : null,
    subMetadata: subData ? metadataOf(subData, "metadata", "subscription_data[metadata]") : {},
    subDescription: subData ? (optString(subData, "description", "subscription_data[description]") ?? null) : null,
  };
}

function validateLines(p: FormObject, mode: "payment" | "subscription"): CheckoutLine[] {
  const raw = p["line_items"];
  if (raw === undefined) throw missingParam("line_items");
  if (!Array.isArray(raw) || raw.length === 0)
    throw invalidRequest(
      "Invalid array: line_items must be a non-empty array",
      "line_items",
      "parameter_invalid_array",
    );
  const lines = raw.map((item, idx) => {
    const at = `line_items[${idx}]`;
    if (!isFormObject(item))
      throw invalidRequest(`Invalid object: ${at} must be a hash`, at, "parameter_invalid_object");
    if (item["price"] !== undefined)
      throw invalidRequest(`No such price: '${String(item["price"])}'`, `${at}[price]`, "resource_missing");
    checkKeys(item, K.LINE_ITEM_KEYS, K.LINE_ITEM_ACCEPTED, at);
    const quantity = optInteger(item, "quantity", `${at}[quantity]`);
    if (quantity === undefined) throw missingParam(`${at}[quantity]`);
    if (quantity < 1) throw invalidParam(`${at}[quantity]`, "Quantity must be greater than 0.");
    const pd = optObject(item, "price_data", `${at}[price_data]`);
    if (!pd) throw missingParam(`${at}[price_data]`);
    const pdAt = `${at}[price_data]`;
    checkKeys(pd, K.PRICE_DATA_KEYS, K.PRICE_DATA_ACCEPTED, pdAt);
    const currency = reqString(pd, "currency", `${pdAt}[currency]`);
    if (currency.toLowerCase() !== "usd")
      throw invalidParam(`${pdAt}[currency]`, `The OpenBond Stripe double only supports usd, not ${currency}.`);
    const unitAmount = optInteger(pd, "unit_amount", `${pdAt}[unit_amount]`);
    if (unitAmount === undefined) throw missingParam(`${pdAt}[unit_amount]`);
    if (unitAmount < 1) throw invalidParam(`${pdAt}[unit_amount]`, "This value must be greater than or equal to 1.");
    if (unitAmount > MAX_UNIT_AMOUNT)
      throw invalidParam(`${pdAt}[unit_amount]`, `This value must be less than or equal to ${MAX_UNIT_AMOUNT}.`);
    const product = optObject(pd, "product_data", `${pdAt}[product_data]`);
    if (!product) throw missingParam(`${pdAt}[product_data]`);
    checkKeys(product, K.PRODUCT_DATA_KEYS, K.PRODUCT_DATA_KEYS, `${pdAt}[product_data]`);
    const name = reqString(product, "name", `${pdAt}[product_data][name]`);
    const recurring = optObject(pd, "recurring", `${pdAt}[recurring]`);
    if (recurring) {
      checkKeys(recurring, K.RECURRING_KEYS, K.RECURRING_KEYS, `${pdAt}[recurring]`);
      const interval = optEnum(
        recurring,
        "interval",
        ["day", "week", "month", "year"] as const,
        `${pdAt}[recurring][interval]`,
      );
      if (interval === undefined) throw missingParam(`${pdAt}[recurring][interval]`);
      const count = optInteger(recurring, "interval_count", `${pdAt}[recurring][interval_count]`) ?? 1;
      if (interval !== "month" || count !== 1) {
        throw invalidRequest(
          "Only monthly recurring prices are implemented by the OpenBond Stripe double.",
          `${pdAt}[recurring]`,
          "parameter_unsupported_by_double",
        );
      }
      if (mode === "payment") {
        throw invalidParam(
          "mode",
          "You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.",
        );
      }
    } else if (mode === "subscription") {
      throw invalidParam(
        "line_items",
        "You must provide at least one recurring price in `subscription` mode when using prices.",
      );
    }
    return { name, unitAmount, quantity };
  });
  if (mode === "subscription" && lines.length !== 1) {
    throw invalidRequest(
      "The OpenBond Stripe double implements one line item per subscription.",
      "line_items",
      "parameter_unsupported_by_double",
    );
  }
  return lines;
}
