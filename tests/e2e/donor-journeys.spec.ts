/**
 * Donor journeys as a new donor walks them (issue 10): each starts at the home page and
 * reaches every step by clicking; after each, every money figure the pages showed is held
 * against the books, read from the ledger through the test-only /api/test/campaign-books
 * route (the e2e server's embedded database can only be opened by the server itself).
 * Phone and desktop screenshots of each step go to test-results/donor-*.png.
 */
import { expect, test, type Page } from "@playwright/test";
import { shots } from "./helpers/shots";
import { books, expectFigureMatchesBooks } from "./helpers/books";
import { clickMailLink } from "./helpers/mail";

const GIVE = /^(Give \$[\d,]+\.\d{2}( a month)?|Continue to secure payment)$/;
const DONAR = /^(Donar \$[\d,]+\.\d{2}( al mes)?|Continuar al pago seguro)$/;

async function openCampaign(page: Page, alias: string): Promise<void> {
  await page.getByRole("link", { name: `${alias}*`, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${alias}*`);
}

test.describe("donor journeys, by clicking from the home page", () => {
  test("a mistyped amount is never charged; corrected to $37 with the fee cover, the donor pays exactly what was shown", async ({
    page,
    request,
  }) => {
    await page.goto("/");
    await shots(page, "donor-home");
    await openCampaign(page, "Dmitri");
    const before = await expectFigureMatchesBooks(page, request, "dmitri-louisiana");
    await expect(page.getByTestId("raised-means")).toContainText("Held toward the bond");

    const other = page.getByLabel("Other amount in dollars");
    await other.fill("3");
    await expect(page.getByRole("radio", { name: "Other" })).toBeChecked();
    await page.getByRole("button", { name: GIVE }).click();
    await expect(page.locator("#amount-error")).toHaveText("The smallest gift we can accept is $5.");
    // The form keeps exactly what was typed: Other, 3 — never the $50 preset.
    await expect(other).toHaveValue("3");
    await expect(page.getByRole("radio", { name: "Other" })).toBeChecked();
    await expect(page.getByRole("radio", { name: "$50" })).not.toBeChecked();
    await expect(page.getByTestId("cover-fee-label")).not.toContainText("—");
    await shots(page, "donor-mistyped");
    // Continue again does not open a checkout for anything else.
    await page.getByRole("button", { name: GIVE }).click();
    await expect(page.locator("#amount-error")).toBeVisible();
    await expect(page).toHaveURL(/\/campaigns\/dmitri-louisiana/);

    await other.fill("37");
    await expect(page.locator("#amount-error")).toHaveCount(0); // no stale refusal beside a valid amount
    await expect(page.getByTestId("cover-fee-label")).toHaveText("Add $1.41 so the fund receives my full gift");
    await expect(page.getByRole("button", { name: GIVE })).toHaveText("Give $37.00");
    await page.getByLabel(/so the fund receives my full gift/).check();
    await expect(page.getByRole("button", { name: GIVE })).toHaveText("Give $38.41");
    await expect(page.getByTestId("give-total")).toHaveText("Gift $37.00 + $1.41 toward card fees = $38.41 charged.");
    await page.getByLabel("Email for your receipt").fill("ana@example.org");
    await shots(page, "donor-corrected");
    await page.getByRole("button", { name: "Give $38.41" }).click();

    await expect(page).toHaveURL(/\/dev\/stripe\/checkout\/cs_test_/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("$38.41");
    await shots(page, "donor-checkout");
    await page.getByRole("button", { name: "Pay (card succeeds)" }).click();

    await expect(page).toHaveURL(/\/give\/thanks\?session_id=cs_test_/);
    const thanks = page.getByTestId("thanks-message");
    await expect(thanks).toContainText("Your $37.00 gift to Dmitri*'s bond was received.");
    await expect(thanks).toContainText("You also added $1.41 toward card fees");
    await shots(page, "donor-thanks");

    // The receipt itemises the charge.
    const mail = await request.get(`/api/test/last-mail?to=${encodeURIComponent("ana@example.org")}`);
    expect(mail.ok()).toBe(true);
    const { text } = (await mail.json()) as { text: string };
    expect(text).toContain("gift of $37.00");
    expect(text).toContain("Gift $37.00 + $1.41 toward card fees = $38.41 charged");
    expect(text).toContain('"Dmitri*"');

    await page.getByRole("link", { name: "Back to Dmitri*'s campaign" }).click();
    const after = await expectFigureMatchesBooks(page, request, "dmitri-louisiana");
    // $38.41 charged, Stripe's fee on it $1.41, borne by the campaign: the figure rises by exactly the gift received.
    expect(after - before).toBe(3_700);
    const b = await books(request, "dmitri-louisiana");
    const gift = b.donations.find((d) => d.amountCents === 3_841 && d.status === "succeeded");
    expect(gift).toMatchObject({ coverFeeCents: 141, feeCents: 141 });
    await expect(page.getByTestId("donor-wall")).toContainText("$37.00");
    await shots(page, "donor-campaign-after");
  });

  test("a $25 preset without the fee cover, on a phone: the sticky button, the gift shown and booked", async ({
    page,
    request,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    await openCampaign(page, "Luis");
    const before = await expectFigureMatchesBooks(page, request, "luis-arizona");
    await page.getByRole("link", { name: "Donate to Luis*'s bond" }).click();
    await page
      .locator("label")
      .filter({ hasText: /^\$25$/ })
      .click();
    await expect(page.getByRole("button", { name: GIVE })).toHaveText("Give $25.00");
    await expect(page.getByTestId("cover-fee-label")).toHaveText("Add $1.06 so the fund receives my full gift");
    await shots(page, "donor-preset");
    await page.getByRole("button", { name: "Give $25.00" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("$25.00");
    await page.getByRole("button", { name: "Pay (card succeeds)" }).click();
    await expect(page.getByTestId("thanks-message")).toContainText("Your $25.00 gift to Luis*'s bond was received.");
    await expect(page.getByTestId("thanks-message")).not.toContainText("card fees");
    await page.getByRole("link", { name: "Back to Luis*'s campaign" }).click();
    const after = await expectFigureMatchesBooks(page, request, "luis-arizona");
    const b = await books(request, "luis-arizona");
    const gift = b.donations.find((d) => d.amountCents === 2_500 && d.status === "succeeded")!;
    expect(gift.coverFeeCents).toBe(0);
    // Without the cover, the campaign receives the gift less Stripe's fee (2.9% + 30¢ = $1.03).
    expect(after - before).toBe(2_500 - gift.feeCents!);
    expect(gift.feeCents).toBe(103);
    await shots(page, "donor-preset-after");
  });

  test("a declined card charges nothing and changes no figure; going back returns to the campaign", async ({
    page,
    request,
  }) => {
    await page.goto("/");
    await openCampaign(page, "Amara");
    const before = await expectFigureMatchesBooks(page, request, "amara-texas");
    const count = (await books(request, "amara-texas")).donations.filter((d) => d.status === "succeeded").length;
    await page.getByLabel("Other amount in dollars").fill("30");
    await page.getByRole("button", { name: "Give $30.00" }).click();
    await page.getByRole("button", { name: "Card declined" }).click();
    await expect(page.getByTestId("checkout-note")).toContainText("Your card was declined");
    await shots(page, "donor-declined");
    await page.getByRole("button", { name: "Go back (cancel)" }).click();
    await expect(page).toHaveURL(/\/campaigns\/amara-texas/);
    expect(await expectFigureMatchesBooks(page, request, "amara-texas")).toBe(before);
    const b = await books(request, "amara-texas");
    expect(b.donations.filter((d) => d.status === "succeeded")).toHaveLength(count);
  });

  test("monthly: start, change the amount, change the card, stop — and it stays stopped", async ({ page, request }) => {
    await page.goto("/");
    await openCampaign(page, "Amara");
    await page.getByLabel("Other amount in dollars").fill("20");
    await page
      .locator("label")
      .filter({ hasText: /^Monthly$/ })
      .click();
    await page.getByLabel("Email for your receipt").fill("monthly@example.org");
    await expect(page.getByRole("button", { name: GIVE })).toHaveText("Give $20.00 a month");
    await page.getByRole("button", { name: "Give $20.00 a month" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("$20.00 / month");
    await page.getByRole("button", { name: "Pay (card succeeds)" }).click();
    await expect(page.getByTestId("thanks-message")).toContainText(
      "Your monthly gift of $20.00 to Amara*'s bond has started.",
    );
    await shots(page, "donor-monthly-thanks");

    await page.getByRole("link", { name: "stop my monthly gift" }).click();
    await expect(page.getByTestId("monthly-summary")).toHaveText("Your monthly gift of $20.00 to Amara*'s bond.");
    await shots(page, "donor-monthly-manage");
    await page.getByLabel("New monthly gift in dollars").fill("3");
    await page.getByRole("button", { name: "Change my monthly gift" }).click();
    await expect(page.locator("#monthly-amount-error")).toHaveText("The smallest gift we can accept is $5.");
    await expect(page.getByLabel("New monthly gift in dollars")).toHaveValue("3");
    await page.getByLabel("New monthly gift in dollars").fill("37");
    await page.getByLabel(/Also cover the card fee/).check();
    await page.getByRole("button", { name: "Change my monthly gift" }).click();
    await expect(page.getByTestId("cancel-message")).toContainText("you will be charged $38.41 a month");
    await expect(page.getByTestId("monthly-summary")).toContainText("$37.00");
    let b = await books(request, "amara-texas");
    expect(b.recurring.find((r) => r.status === "active")).toMatchObject({ amountCents: 3_841, coverFeeCents: 141 });

    await page.getByRole("button", { name: "Change my card" }).click();
    await expect(page).toHaveURL(/\/dev\/stripe\/portal\/bps_/);
    await shots(page, "donor-monthly-portal");
    await page.getByRole("button", { name: "Use Mastercard ending 4444" }).click();
    await expect(page.getByTestId("monthly-summary")).toBeVisible();

    await page.getByRole("button", { name: "Stop my monthly gift" }).click();
    await expect(page.getByTestId("cancel-message")).toHaveText(
      "Your monthly gift is stopped. No further payments will be taken.",
    );
    // Reopening the link from the receipt (where a donor finds it) shows it stopped.
    await clickMailLink(page, "monthly@example.org", /\/give\/cancel\//);
    await expect(page.getByTestId("cancel-message")).toHaveText("This monthly gift is already stopped.");
    await expect(page.getByRole("button", { name: "Stop my monthly gift" })).toHaveCount(0);
    await shots(page, "donor-monthly-stopped");
    b = await books(request, "amara-texas");
    expect(b.recurring.some((r) => r.status === "active")).toBe(false);
    expect(
      b.donations.filter((d) => d.frequency === "monthly" && d.status === "succeeded").map((d) => d.amountCents),
    ).toEqual([2_000]);
  });

  test("in Spanish: the switch, the form and the thank-you page, money formatted one way", async ({
    page,
    request,
  }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Ver esta página en español" }).click();
    await expect(page).toHaveURL(/\/es$/);
    await openCampaign(page, "Amara");
    const before = await expectFigureMatchesBooks(page, request, "amara-texas");
    await expect(page.getByText(/2\.9% \+ \$0\.30/)).toBeVisible();
    await page.getByLabel("Otro monto en dólares").fill("15");
    await expect(page.getByRole("button", { name: DONAR })).toHaveText("Donar $15.00");
    await shots(page, "donor-es-form");
    await page.getByRole("button", { name: "Donar $15.00" }).click();
    await page.getByRole("button", { name: "Pay (card succeeds)" }).click();
    await expect(page).toHaveURL(/\/es\/give\/thanks/);
    await expect(page.getByTestId("thanks-message")).toContainText("Recibimos su donación de $15.00");
    await shots(page, "donor-es-thanks");
    await page.getByRole("link", { name: "Volver a la campaña de Amara*" }).click();
    const after = await expectFigureMatchesBooks(page, request, "amara-texas");
    const fee = (await books(request, "amara-texas")).donations.find((d) => d.amountCents === 1_500)!.feeCents!;
    expect(after - before).toBe(1_500 - fee);
  });
});
