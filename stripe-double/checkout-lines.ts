/** Checkout params below the top level: line items, payment method types, and the key check all levels share. */
import * as K from "./checkout-params";
import { invalidParam, invalidRequest, missingParam, unknownParam } from "./errors";
import { isFormObject, type FormObject } from "./form";
import { optArray, optEnum, optInteger, optObject, reqString } from "./params";

export interface CheckoutLine {
  name: string;
  unitAmount: number;
  quantity: number;
}

const MAX_UNIT_AMOUNT = 99_999_999; // Stripe's 8-digit limit for USD amounts

/** Refuse params Stripe rejects, and params Stripe accepts but the double cannot honour. */
export function checkKeys(obj: FormObject, all: readonly string[], accepted: readonly string[], prefix = ""): void {
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

const DOUBLE_METHODS = ["card", "us_bank_account"] as const;

/** The double's account has cards and US bank accounts; bank debit in subscription mode is not implemented. */
export function allowedMethods(p: FormObject, mode: "payment" | "subscription"): string[] | null {
  const raw = optArray(p, "allowed_payment_method_types");
  if (raw === undefined) return null;
  const types = raw.map((v, i) => {
    if (typeof v !== "string")
      throw invalidParam(
        `allowed_payment_method_types[${i}]`,
        "Invalid string: each payment method type must be a string.",
      );
    return v;
  });
  if (types.length === 0) throw invalidParam("allowed_payment_method_types", "Invalid array: must not be empty.");
  for (const t of types) {
    if (!(DOUBLE_METHODS as readonly string[]).includes(t) || (mode === "subscription" && t !== "card"))
      throw invalidRequest(
        `allowed_payment_method_types=${t} is not implemented by the OpenBond Stripe double${mode === "subscription" ? " in subscription mode" : ""}.`,
        "allowed_payment_method_types",
        "parameter_unsupported_by_double",
      );
  }
  return [...new Set(types)];
}

export function validateLines(p: FormObject, mode: "payment" | "subscription"): CheckoutLine[] {
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
