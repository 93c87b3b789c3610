/**
 * Issue 10, "How journeys are tested from now on": the staff journeys, each started at the role's
 * home after sign-in and walked only by clicking visible links and buttons (the sign-in itself
 * uses the test-only outbox route). Each step leaves a phone and a desktop screenshot in
 * test-results/journeys/. After each journey, the money figures the pages showed are compared
 * with the treasury ledger page's balances (reached by clicking the figure, which links to its
 * account): the ledger page is the books' own view, so no test-only read route is needed.
 */
import { expect, test, type Page } from "@playwright/test";
import { ledgerBalanceBehind, staffCents as cents } from "./helpers/books";
import { recordNotice, type NoticeInput } from "./helpers/notices";
import { shots } from "./helpers/shots";
import { signIn } from "./helpers/sign-in";
import { axeViolations } from "./helpers/axe";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Sign in, then open the role's home from the header, as a person would. */
async function home(page: Page, email: string, area: "Lawyer" | "Treasury" | "Admin") {
  await signIn(page, email);
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: area }).click();
}

/** On the bond page: record an ICE notice on its notices page, then come back to the bond. */
async function notice(page: Page, v: NoticeInput) {
  await page.getByRole("link", { name: "Record a notice from ICE" }).click();
  await recordNotice(page, v);
  await page.getByRole("link", { name: /← Bond for/ }).click();
}

test.describe.configure({ mode: "serial" });

test("lawyer requests the bond by clicking; two treasurers approve, pay, post; breach inside the appeal window → forfeit with 'no appeal'", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await home(page, "lawyer@openbond.example", "Lawyer");
  await shots(page, "journeys/01-lawyer-home");
  await page.getByRole("link", { name: "Nadia*" }).click();
  const held = cents(await page.getByTestId("lawyer-campaign-held").innerText());
  await expect(page.getByTestId("lawyer-bond-status")).toContainText("No bond payment requested yet.");
  await shots(page, "journeys/02-lawyer-campaign-funded");
  await page.getByRole("link", { name: "Request the bond payment" }).click();
  expect(cents(await page.getByTestId("campaign-held").innerText())).toBe(held);
  const form = page.getByTestId("form-request-bond");
  await form.getByLabel(/Bond amount/).fill("10,000");
  await form.getByLabel(/Top-up/).fill(((1_000_000 - held) / 100).toFixed(2));
  await shots(page, "journeys/03-lawyer-request-bond");
  await form.getByRole("button", { name: "Request payment" }).click();
  await expect(page.getByTestId("request-status")).toContainText("requested");

  // Treasurer 1: told by mail, approves from the dashboard after reading the postings.
  const mail = await page.request.get(`/api/test/last-mail?to=${encodeURIComponent("treasurer@openbond.example")}`);
  expect(((await mail.json()) as { subject: string }).subject).toContain("Bond payment requested: $10,000.00");
  await home(page, "treasurer@openbond.example", "Treasury");
  await page
    .getByRole("navigation", { name: /treasury/i })
    .getByRole("link", { name: "Bonds" })
    .click();
  await page.getByRole("link", { name: /^Requested \(1\)$/ }).click();
  await page.getByRole("link", { name: "Nadia*" }).click();
  await expect(page.getByTestId("approve-postings")).toContainText("$10,000.00");
  await shots(page, "journeys/04-treasurer-approve");
  await page
    .getByTestId("form-approve")
    .getByRole("button", { name: /Approve/ })
    .click();
  await expect(page.getByTestId("error-confirm")).toContainText("Tick to confirm");
  await page
    .getByTestId("form-approve")
    .getByLabel(/I have read what this changes/)
    .check();
  await page
    .getByTestId("form-approve")
    .getByRole("button", { name: /Approve/ })
    .click();
  await expect(page.getByTestId("done")).toContainText("1 of 2");

  // Treasurer 2: second approval, then the payment (it cannot be dated before the approvals).
  await home(page, "treasurer2@openbond.example", "Treasury");
  await page
    .getByRole("navigation", { name: /treasury/i })
    .getByRole("link", { name: "Bonds" })
    .click();
  await page.getByRole("link", { name: /^Requested \(1\)$/ }).click();
  await page.getByRole("link", { name: "Nadia*" }).click();
  await page
    .getByTestId("form-approve")
    .getByLabel(/I have read what this changes/)
    .check();
  await page
    .getByTestId("form-approve")
    .getByRole("button", { name: /Approve/ })
    .click();
  await expect(page.getByTestId("done")).toContainText("Approved");
  const pay = page.getByTestId("form-pay");
  await pay.getByLabel("Method").selectOption("fedwire");
  await pay.getByLabel("Trace number").fill("FW-JOURNEY-01");
  await pay.getByLabel("Payment date").fill(day(-200));
  await pay.getByLabel(/I have read what this changes/).check();
  await pay.getByRole("button", { name: "Record payment" }).click();
  await expect(pay.getByTestId("error-paidOn")).toContainText("last approval");
  await pay.getByLabel("Payment date").fill(day(0));
  await expect(page.getByTestId("pay-postings")).toContainText("$10,000.00");
  await shots(page, "journeys/05-treasurer-pay");
  await pay.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByTestId("done")).toContainText("Payment recorded");
  const post = page.getByTestId("form-post");
  await post.getByLabel("I-305 receipt number").fill("I305-JOURNEY-01");
  await post.getByRole("button", { name: "Record posting" }).click();
  await expect(page.getByTestId("done")).toContainText("Posting recorded");
  const paid = await page.request.get(`/api/test/last-mail?to=${encodeURIComponent("lawyer@openbond.example")}`);
  expect(((await paid.json()) as { subject: string }).subject).toContain("Bond paid to ICE: $10,000.00");
  await shots(page, "journeys/06-treasurer-posted");

  // Breach today: the appeal window is open, so forfeiting needs "no appeal will be filed" and a reason.
  await shots(page, "journeys/06b-treasurer-next-notice");
  await notice(page, { form: "I-323", servedOn: day(0), servedBy: "in_person" });
  await expect(page.getByTestId("appeal-deadline")).toContainText(`${30} day(s) left`);
  const forfeit = page.getByTestId("form-forfeit");
  await forfeit.getByLabel(/I have read what this changes/).check();
  await forfeit.getByRole("button", { name: /Record forfeiture/ }).click();
  await expect(forfeit.getByTestId("error-noAppeal")).toContainText("no appeal will be filed");
  await forfeit.getByLabel(/No appeal will be filed/).check();
  await forfeit.getByLabel(/Why no appeal/).fill("The obligor confirmed there are no grounds");
  await shots(page, "journeys/07-treasurer-forfeit");
  await forfeit.getByRole("button", { name: /Record forfeiture/ }).click();
  await expect(page.getByTestId("done")).toContainText("Forfeiture recorded");
  await shots(page, "journeys/08-treasurer-forfeited");

  // Money shown against the books: the receivable is gone; the lawyer sees the bond's end.
  expect(await ledgerBalanceBehind(page, page.locator("aside").getByRole("definition").first())).toBe(0);
});

test("a posted bond: late appeal refused, reinstated, I-391, claim, refund with interest into the general pool", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await home(page, "treasurer@openbond.example", "Treasury");
  const poolBefore = cents(await page.getByTestId("general-pool").innerText());
  await page
    .getByRole("navigation", { name: /treasury/i })
    .getByRole("link", { name: "Bonds" })
    .click();
  await page.getByRole("link", { name: /^Posted \(\d+\)$/ }).click();
  await page.getByRole("link", { name: "Tomás*" }).click();
  await notice(page, { form: "I-323", servedOn: day(-40), servedBy: "in_person" });
  await expect(page.getByTestId("appeal-deadline")).toContainText("The window closed 10 day(s) ago");
  const appeal = page.getByTestId("form-appeal");
  await appeal.getByLabel("Appeal date").fill(day(-5));
  await appeal.getByRole("button", { name: "Record appeal" }).click();
  await expect(appeal.getByTestId("form-error")).toContainText("The appeal window has closed");
  await shots(page, "journeys/11-breach-late-appeal");
  await page.getByTestId("form-reinstate").getByRole("button", { name: "Reinstate" }).click();
  await expect(page.getByTestId("done")).toContainText("reinstated");
  await notice(page, { form: "I-391", servedOn: day(0), servedBy: "mail" });
  await page.getByRole("link", { name: "Prepare and record the refund claim" }).click();
  const mailed = page.getByRole("form", { name: "Record the claim mailed" });
  await mailed.getByLabel("Mailed on").fill(day(0));
  await mailed.getByLabel("Tracking number").fill("9400 1111 2222 4444");
  await mailed.getByRole("button", { name: "Record mailed" }).click();
  await expect(page.getByTestId("claim-mailed")).toContainText("9400 1111 2222 4444");
  await page.getByRole("link", { name: /← Bond for/ }).click();
  const refund = page.getByTestId("form-refund");
  const total = await page.getByTestId("expected-total").innerText();
  const interest = cents(await page.getByTestId("expected-interest").innerText());
  expect(interest).toBeGreaterThan(0);
  await refund.getByLabel(/Amount received/).fill(total.replace("$", ""));
  await expect(page.getByTestId("refund-preview")).toContainText("difference from expected $0.00");
  await shots(page, "journeys/12-refund-with-interest");
  await refund.getByRole("button", { name: "Record refund" }).click();
  await expect(page.getByTestId("done")).toContainText("difference +$0.00");
  await page
    .getByRole("navigation", { name: /treasury/i })
    .getByRole("link", { name: "Overview" })
    .click();
  const poolAfter = cents(await page.getByTestId("general-pool").innerText());
  expect(poolAfter).toBe(poolBefore + 1_200_000 + interest);
  expect(await axeViolations(page)).toEqual([]);
  await shots(page, "journeys/13-general-pool-after-refund");
  expect(await ledgerBalanceBehind(page, page.getByTestId("general-pool"))).toBe(poolAfter);
});

test("reconcile, Stripe balance included, against the books", async ({ page }) => {
  test.setTimeout(120_000);
  await home(page, "treasurer@openbond.example", "Treasury");
  await page
    .getByRole("navigation", { name: /treasury/i })
    .getByRole("link", { name: "Reconciliation" })
    .click();
  await page.getByTestId("import-stripe").getByRole("button", { name: "Import from Stripe" }).click();
  await expect(page.getByTestId("import-stripe")).toContainText(/Imported \d+ payout/);
  await page
    .getByRole("navigation", { name: /treasury/i })
    .getByRole("link", { name: "Reconciliation" })
    .click();
  await expect(page.getByTestId("stripe-summary")).toContainText("matched");
  await expect(page.getByTestId("stripe-balance")).toBeVisible();
  const books = cents(await page.getByTestId("balance-books").innerText());
  const stripe = cents(await page.getByTestId("balance-stripe").innerText());
  const difference = cents(
    await page
      .getByTestId("balance-difference")
      .innerText()
      .then((t) => t.replace("−", "-")),
  );
  expect(books - stripe).toBe(difference);
  await shots(page, "journeys/21-reconciliation");
  expect(await ledgerBalanceBehind(page, page.getByTestId("balance-books"))).toBe(books);
});
