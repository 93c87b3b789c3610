/**
 * Issue 10, a treasurer refunds a donor, by clicking: a visitor gives from the home page; the treasurer
 * goes from the treasury home to the gift, reads what the refund changes in the books, confirms; the
 * campaign's public figure, the gift page and the ledger then agree. Screenshots: test-results/journeys/.
 */
import { expect, test } from "@playwright/test";
import { books, expectFigureMatchesBooks, ledgerBalanceBehind, staffCents } from "./helpers/books";
import { giveHere } from "./helpers/give";
import { shots } from "./helpers/shots";
import { signIn } from "./helpers/sign-in";

test("a treasurer refunds part of a gift with a reason, seeing what it books; the campaign figure and the ledger fall by exactly that", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await page.getByRole("link", { name: "Amara*", exact: true }).first().click();
  await giveHere(page, "30");
  await page
    .getByRole("link", { name: /Amara\*/ })
    .first()
    .click();
  const before = await expectFigureMatchesBooks(page, request, "amara-texas");

  await signIn(page, "treasurer@openbond.example");
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Treasury" }).click();
  await page
    .getByRole("navigation", { name: /treasury/i })
    .getByRole("link", { name: "Gifts", exact: true })
    .click();
  await page
    .getByTestId("gifts")
    .getByRole("row")
    .filter({ hasText: "Amara*" })
    .filter({ hasText: "$30.00" })
    .first()
    .getByRole("link", { name: "Open" })
    .click();
  const form = page.getByTestId("refund-form");
  const effect = page.getByTestId("refund-postings");
  await expect(effect).toContainText(/Campaign Amara\* fund \(holds \$[\d,]+\.\d{2}\)/);
  const heldShown = staffCents(/holds (\$[\d,]+\.\d{2})/.exec(await effect.innerText())![1]!);
  expect(heldShown).toBe(before);
  await form.getByLabel("Amount in dollars").fill("31");
  await expect(effect).toContainText("Type an amount up to $30.00");
  await form.getByLabel(/Reason/).fill("Donor asked for part back");
  await form.getByLabel(/I have read what this changes in the books/).check();
  await form.getByRole("button", { name: "Send the refund to Stripe" }).click();
  await expect(form.getByTestId("form-error")).toContainText("larger than what is left of the gift ($30.00)");
  await form.getByLabel("Amount in dollars").fill("10");
  await expect(effect.getByRole("row").filter({ hasText: "Campaign Amara*" })).toContainText("$10.00");
  await expect(effect.getByRole("row").filter({ hasText: "Money at Stripe" })).toContainText("$10.00");
  await expect(effect).not.toContainText("General pool");
  await shots(page, "journeys/treasurer-refund-confirm");
  await form.getByRole("button", { name: "Send the refund to Stripe" }).click();
  await expect(form).toContainText("Refund of $10.00 sent to Stripe");

  // Stripe sends the refund's events by itself shortly after the API call (as real Stripe does).
  await expect.poll(async () => (await books(request, "amara-texas")).balanceCents).toBe(before - 1_000);
  await page.reload();
  expect(staffCents(await page.getByTestId("gift-campaign-held").innerText())).toBe(before - 1_000);
  await shots(page, "journeys/treasurer-refund-done");
  // The treasury ledger's own balance for the campaign (the figure links to it) says the same.
  expect(await ledgerBalanceBehind(page, page.getByTestId("gift-campaign-held"))).toBe(before - 1_000);

  // And the donor's campaign page, reached from the home page, shows the figure the books hold.
  await page
    .getByRole("link", { name: /Open Bond Fund/ })
    .first()
    .click();
  await page.waitForURL((u) => u.pathname === "/");
  await page.getByRole("link", { name: "Amara*", exact: true }).first().click();
  expect(await expectFigureMatchesBooks(page, request, "amara-texas")).toBe(before - 1_000);
});
