/**
 * Keeps the double honest automatically: drives every outcome it supports and
 * validates every object the API returns and every event it sends against the
 * JSON Schema generated from the installed `stripe` package's own types
 * (stripe-double/schema/stripe-objects.schema.json, `npm run stripe:schema`).
 * Fails when the SDK is upgraded and the schema is not regenerated.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import Stripe from "stripe";
import { beforeAll, describe, expect, it } from "vitest";
import { createDoubleStripe, StripeDouble } from "@/stripe-double";
import { monthlyParams, oneOffParams } from "./helpers";

const ROOT = path.resolve(__dirname, "../../..");
const schema = JSON.parse(readFileSync(path.join(ROOT, "stripe-double/schema/stripe-objects.schema.json"), "utf8"));
const installed = JSON.parse(readFileSync(path.join(ROOT, "node_modules/stripe/package.json"), "utf8")).version;

const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addVocabulary(["x-stripe-sdk-version", "x-stripe-api-version", "x-roots"]);
ajv.addSchema(schema, "stripe");
const validators = new Map<string, ValidateFunction>();
function validatorFor(object: string): ValidateFunction {
  const ref = schema["x-roots"][object] as string | undefined;
  if (!ref) throw new Error(`the double produced a "${object}", which the schema has no root for`);
  if (!validators.has(object)) validators.set(object, ajv.getSchema(`stripe${ref}`)!);
  return validators.get(object)!;
}

const problems: string[] = [];
const seen = new Set<string>();
/** Which kinds of object appeared anywhere (nested ones are validated through the schema's references). */
function note(v: unknown): void {
  if (!v || typeof v !== "object") return;
  if (Array.isArray(v)) return v.forEach(note);
  const o = v as Record<string, unknown>;
  if (typeof o.object === "string" && o.object !== "list") seen.add(o.object);
  Object.values(o).forEach(note);
}

function check(obj: Record<string, unknown>, where: string): void {
  if (obj.object === "list") {
    for (const item of obj.data as Record<string, unknown>[]) check(item, `${where} item`);
    return;
  }
  const kind = String(obj.object);
  note(obj);
  const v = validatorFor(kind);
  const id = String(obj.id);
  if (!v(obj)) problems.push(`${where} (${kind} ${id}): ${ajv.errorsText(v.errors, { separator: "; " })}`);
  if (kind === "event") {
    const data = (obj.data as { object: Record<string, unknown> }).object;
    check(data, `${where} ${String(obj.type)} data.object`);
  }
}

const double = new StripeDouble({ baseUrl: "http://localhost:4000" });
const stripe = createDoubleStripe(double, double.secretKey, (res, method, p) => {
  try {
    if (res.status < 300) check(JSON.parse(res.body), `${method} ${p.split("?")[0]}`);
  } catch (e) {
    problems.push(`${method} ${p}: ${(e as Error).message}`);
  }
});

async function oneOff(outcome: Parameters<StripeDouble["completeCheckout"]>[1], amount = 2500): Promise<string> {
  const params = oneOffParams();
  params.line_items![0]!.price_data!.unit_amount = amount;
  const s = await stripe.checkout.sessions.create(params);
  if (outcome !== "expire") double.completeCheckout(s.id, outcome);
  else await stripe.checkout.sessions.expire(s.id);
  const done = await stripe.checkout.sessions.retrieve(s.id, { expand: ["payment_intent"] });
  return typeof done.payment_intent === "object" && done.payment_intent ? done.payment_intent.id : "";
}

/** Every outcome the double supports, each read back through the API. */
async function driveEverything(): Promise<void> {
  const paid = await oneOff("success", 10_000);
  for (const o of ["decline", "delayed_success", "delayed_failure", "cancel", "expire"] as const) await oneOff(o);
  // Bank debits submitted, then answered by the bank days later (and one left processing).
  double.resolveBankDebit(await oneOff("bank_succeeds", 60_000));
  double.resolveBankDebit(await oneOff("bank_fails", 60_000));
  await oneOff("bank_succeeds", 60_000);
  await stripe.refunds.create({ payment_intent: paid, amount: 1_234 });
  await stripe.refunds.create({ payment_intent: paid });
  await stripe.refunds.list({ payment_intent: paid, limit: 100 });
  await stripe.paymentIntents.retrieve(paid, {
    expand: ["latest_charge.balance_transaction", "latest_charge.refunds"],
  });
  const pis = [await oneOff("success"), await oneOff("success"), await oneOff("success"), await oneOff("success")];
  double.dispute(pis[0]!, "lost");
  double.dispute(pis[1]!, "won");
  const countered = double.openDispute(pis[2]!);
  await stripe.disputes.update(countered.id, { evidence: { uncategorized_text: "Signed gift form." } });
  double.decideDispute(countered.id, "lost");
  const accepted = double.openDispute(pis[3]!);
  await stripe.disputes.close(accepted.id);
  for (const pi of pis) await stripe.disputes.list({ payment_intent: pi });
  double.earlyFraudWarning(await oneOff("success"));

  const s = await stripe.checkout.sessions.create(monthlyParams());
  double.completeCheckout(s.id, "success");
  const sub = String((await stripe.checkout.sessions.retrieve(s.id)).subscription);
  double.renewSubscription(sub);
  double.renewSubscription(sub, { fail: true });
  const item = (await stripe.subscriptions.retrieve(sub)).items.data[0]!;
  await stripe.subscriptions.update(sub, {
    items: [
      {
        id: item.id,
        price_data: { currency: "usd", product: "prod_x", unit_amount: 2500, recurring: { interval: "month" } },
      },
    ],
  });
  const portal = await stripe.billingPortal.sessions.create({
    customer: String((await stripe.subscriptions.retrieve(sub)).customer),
  });
  expect(portal.url).toMatch(/portal/);
  double.updateSubscription(sub, { defaultPaymentMethod: "pm_card_mastercard" }); // the portal's card change
  await stripe.invoicePayments.list({ limit: 100 });
  await stripe.subscriptions.cancel(sub);

  // Enough available to pay out: the disputes and refunds above leave the available balance negative,
  // and bank debits stay pending until available_on.
  await oneOff("success", 50_000);
  const first = double.createPayout()!;
  await stripe.balanceTransactions.list({ payout: first.id, limit: 100, expand: ["data.source"] });
  await oneOff("success", 7_000);
  const held = double.createPayout({ reconcile: false })!;
  await stripe.payouts.retrieve(held.id);
  double.completePayoutReconciliation(held.id);
  double.failPayout(held.id);
  await stripe.payouts.list({ limit: 100 });
  await stripe.balance.retrieve();
  await stripe.events.list({ limit: 100 });
  for (const e of double.events()) check(e as unknown as Record<string, unknown>, "event");
}

describe("the double against Stripe's own types", () => {
  beforeAll(async () => {
    await driveEverything();
  });

  it("is pinned to the installed SDK and its API version (else: npm run stripe:schema)", () => {
    expect(schema["x-stripe-sdk-version"]).toBe(installed);
    expect(schema["x-stripe-api-version"]).toBe(Stripe.API_VERSION);
  });

  it("produces only objects and events that validate", () => {
    expect(problems.slice(0, 30)).toEqual([]);
  });

  it("exercised every kind of object the schema covers", () => {
    expect([...seen.keys()].sort()).toEqual(Object.keys(schema["x-roots"]).sort());
  });

  it("catches a dishonest object: a missing field, an undeclared one, an undocumented enum value", () => {
    const payout = double.store.all("payout")[0]!;
    const v = validatorFor("payout");
    expect(v(payout)).toBe(true);
    const { reconciliation_status: _drop, ...missing } = payout;
    expect(v(missing)).toBe(false);
    expect(v({ ...payout, countered_fee: 1500 })).toBe(false);
    expect(v({ ...payout, reconciliation_status: "done" })).toBe(false);
    const dp = double.store.all("dispute")[0]!;
    expect(validatorFor("dispute")({ ...dp, balance_transactions: [{ id: "txn_1" }] })).toBe(false);
  });
});
