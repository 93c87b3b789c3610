/**
 * Issue 15 acceptance: by clicking, a donor gives $6,000 by bank and sees it
 * pending, then settled (the offline double's console plays the bank), and the
 * campaign's figure moves only at settlement. Every figure shown is held against
 * the books (/api/test/campaign-books). Phone and desktop screenshots go to
 * test-results/bank-*.png.
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn } from "./helpers/sign-in";

function cents(text: string | null): number {
  const m = /^-?\$(\d{1,3}(?:,\d{3})*)\.(\d{2})$/.exec((text ?? "").trim());
  if (!m) throw new Error(`not a money figure with cents: ${JSON.stringify(text)}`);
  return Number(m[1]!.replace(/,/g, "")) * 100 + Number(m[2]);
}

interface Books {
  balanceCents: number;
  paidToIceCents: number;
  donations: { amountCents: number; feeCents: number | null; status: string }[];
}

async function books(request: APIRequestContext): Promise<Books> {
  const res = await request.get("/api/test/campaign-books?slug=dmitri-louisiana");
  expect(res.ok()).toBe(true);
  return (await res.json()) as Books;
}

async function shoot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/bank-${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `test-results/bank-${name}-desktop.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

/** The headline figure once it shows what the books hold (webhooks arrive asynchronously); returns it. */
async function figureEqualsBooks(page: Page, request: APIRequestContext): Promise<number> {
  let expected = 0;
  await expect
    .poll(async () => {
      const b = await books(request);
      expected = b.balanceCents + b.paidToIceCents;
      const shown = cents(await page.getByTestId("raised").textContent());
      if (shown !== expected) await page.reload();
      return shown - expected;
    })
    .toBe(0);
  return expected;
}

async function openDmitri(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Dmitri*", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Dmitri*");
}

test("a donor gives $6,000 by bank: pending on the thank-you page, counted only once the bank settles it", async ({
  page,
  request,
  context,
}) => {
  await page.goto("/");
  await openDmitri(page);
  const before = await figureEqualsBooks(page, request);

  // Below the minimum the bank option is not offered, and the form says from when it is.
  await page.getByLabel("Other amount in dollars").fill("499");
  await expect(page.getByRole("radio", { name: "Bank account" })).toHaveCount(0);
  await expect(page.getByTestId("bank-note")).toContainText("one-time gifts of $500 or more");

  await page.getByLabel("Other amount in dollars").fill("6000");
  await expect(page.getByTestId("bank-note")).toHaveText("Paying by bank saves the fund $169.30 on this gift.");
  await page.getByText("Bank account", { exact: true }).click();
  await expect(page.getByTestId("cover-fee-label")).toHaveText("Add $5.00 so the fund receives my full gift");
  await expect(page.getByTestId("give-total")).toHaveText("$6,000.00 will be taken from your bank account.");
  await page.getByLabel("Email for your receipt").fill("congregation@example.org");
  await shoot(page, "form");
  await page.getByRole("button", { name: "Give $6,000.00" }).click();

  await expect(page).toHaveURL(/\/dev\/stripe\/checkout\/cs_test_/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("$6,000.00");
  // Checkout for a bank gift offers only bank accounts (allowed_payment_method_types).
  await expect(page.getByRole("button", { name: "Pay (card succeeds)" })).toHaveCount(0);
  await shoot(page, "checkout");
  // The tester keeps the double's console open in another tab (the link on the test checkout page).
  const [consolePage] = await Promise.all([
    context.waitForEvent("page"),
    page
      .getByRole("link", { name: "Stripe console" })
      .first()
      .click({ modifiers: ["ControlOrMeta"] }),
  ]);
  await page.getByRole("button", { name: /account 000123456789/ }).click();

  await expect(page).toHaveURL(/\/give\/thanks\?session_id=cs_test_/);
  const thanks = page.getByTestId("thanks-message");
  await expect(thanks).toContainText("Your bank payment of $6,000.00 to Dmitri*'s bond is being processed");
  await expect(page.getByTestId("thanks-expected")).toContainText(/Expected to clear around \w+ \d{1,2}, \d{4}/);
  await shoot(page, "thanks-pending");

  await page.getByRole("link", { name: "Back to Dmitri*'s campaign" }).click();
  expect(await figureEqualsBooks(page, request)).toBe(before);
  expect(
    (await books(request)).donations.filter((d) => d.amountCents === 600_000 && d.status === "pending"),
  ).toHaveLength(1);

  // The bank answers: the tester settles the debit from the console.
  await consolePage.reload();
  const row = consolePage.getByRole("row").filter({ hasText: "pending · bank" }).first();
  await expect(row).toContainText("$6,000.00");
  await shoot(consolePage, "console");
  await row.getByRole("button", { name: "Bank debit clears" }).click();
  await expect(consolePage.getByTestId("console-note")).toContainText("cleared");

  const after = await figureEqualsBooks(page, request);
  const gift = (await books(request)).donations.find((d) => d.amountCents === 600_000)!;
  expect(gift).toMatchObject({ status: "succeeded", feeCents: 500 });
  expect(after - before).toBe(600_000 - 500); // the campaign bears the $5 bank fee (FUND_FEE_BEARER=campaign)
  await shoot(page, "campaign-settled");
});

test("the treasury lists a bank gift while it clears", async ({ page }) => {
  await page.goto("/");
  await openDmitri(page);
  await page.getByLabel("Other amount in dollars").fill("750");
  await page.getByText("Bank account", { exact: true }).click();
  await page.getByRole("button", { name: "Give $750.00" }).click();
  await page.getByRole("button", { name: /account 000111111116/ }).click();
  await expect(page.getByTestId("thanks-message")).toContainText("is being processed");

  await signIn(page, "treasurer@openbond.example");
  await page.getByRole("link", { name: "Treasury", exact: true }).first().click();
  await page.getByRole("navigation", { name: "Treasury" }).getByRole("link", { name: "Gifts", exact: true }).click();
  const pending = page.getByTestId("pending-bank");
  await expect(pending.getByRole("row").filter({ hasText: "$750.00" })).toContainText("Dmitri*");
  await shoot(page, "treasury-pending");
});
