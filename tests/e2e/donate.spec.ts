import { expect, test } from "@playwright/test";

/*
 * The whole journey: give, pay on the offline checkout page, and see the total
 * rise. Needs the webhook route (app/api/stripe/webhook, built on another
 * branch) to record the gift; it passes once both branches are merged.
 */
const dollars = (text: string | null) => Number((text ?? "").replace(/[^0-9]/g, ""));

test("a donor gives $25, pays, is thanked, and the campaign total rises", async ({ page }) => {
  await page.goto("/campaigns/dmitri-louisiana");
  const before = dollars(await page.getByTestId("raised").textContent());
  const donorsBefore = await page.getByTestId("donor-count").textContent();
  await page
    .locator("label")
    .filter({ hasText: /^\$25$/ })
    .click();
  await page.getByLabel("Name on the donor wall").fill("Playwright Friend");
  await page.getByLabel("Email for your receipt").fill("ana@example.org");
  await page.getByRole("button", { name: "Continue to secure payment" }).click();

  await expect(page).toHaveURL(/\/dev\/stripe\/checkout\/cs_test_/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("$25.00");
  await page.getByRole("button", { name: "Pay (card succeeds)" }).click();

  await expect(page).toHaveURL(/\/give\/thanks\?session_id=cs_test_/);
  await expect(page.getByTestId("thanks-message")).toContainText(
    "Your $25 gift to Dmitri*'s bond was received. A receipt is on its way to a…@example.org.",
  );

  await page.goto("/campaigns/dmitri-louisiana");
  await expect(page.getByTestId("raised")).not.toHaveText(`$${before.toLocaleString("en-US")}`);
  expect(dollars(await page.getByTestId("raised").textContent())).toBe(before + 25);
  await expect(page.getByTestId("donor-count")).not.toHaveText(donorsBefore ?? "");
  // A typed name waits for staff review (issue 11, finding 2): the gift shows as "A donor" until then.
  await expect(page.getByTestId("donor-wall")).toContainText("A donor");
  await expect(page.getByTestId("donor-wall")).not.toContainText("Playwright Friend");
});

test("a declined card stays on the checkout page with the decline message", async ({ page }) => {
  await page.goto("/campaigns/amara-texas");
  await page.getByLabel("Other amount in dollars").fill("30");
  await page.getByRole("button", { name: "Continue to secure payment" }).click();
  await page.getByRole("button", { name: "Card declined" }).click();
  await expect(page.getByTestId("checkout-note")).toContainText("Your card was declined");
});

test("an anonymous gift shows no name anywhere public, and the declined and cancelled attempts before it changed nothing", async ({
  page,
  request,
}) => {
  await page.goto("/campaigns/luis-arizona");
  const before = await page.getByTestId("raised").textContent();
  const wallBefore = await page.getByTestId("donor-wall").textContent();
  const give = async (outcome: string) => {
    await page.goto("/campaigns/luis-arizona");
    await page.getByLabel("Other amount in dollars").fill("40");
    await page.getByLabel("Name on the donor wall").fill("Secret Donor Zed");
    await page.getByLabel("Give anonymously").check();
    await page.getByLabel("Email for your receipt").fill("zed@example.org");
    await page.getByRole("button", { name: "Continue to secure payment" }).click();
    await page.getByRole("button", { name: outcome }).click();
  };
  await give("Card declined");
  await give("Go back (cancel)");
  await page.goto("/campaigns/luis-arizona");
  await expect(page.getByTestId("raised")).toHaveText(before ?? "");
  await expect(page.getByTestId("donor-wall")).toHaveText(wallBefore ?? "");

  await give("Pay (card succeeds)");
  await expect(page).toHaveURL(/\/give\/thanks/);
  await page.goto("/campaigns/luis-arizona");
  expect(dollars(await page.getByTestId("raised").textContent())).toBe(dollars(before) + 40);
  for (const path of ["/", "/es", "/campaigns/luis-arizona", "/es/campaigns/luis-arizona"]) {
    const body = await (await request.get(path)).text();
    expect(body, path).not.toContain("Secret Donor Zed");
    expect(body, path).not.toContain("zed@example.org");
  }
});

test("a Spanish-language visitor can give", async ({ page }) => {
  await page.goto("/es/campaigns/amara-texas");
  const before = dollars(await page.getByTestId("raised").textContent());
  await page.getByLabel("Otro monto en dólares").fill("15");
  await page.getByRole("button", { name: "Continuar al pago seguro" }).click();
  await expect(page).toHaveURL(/\/dev\/stripe\/checkout\/cs_test_/);
  await page.getByRole("button", { name: "Pay (card succeeds)" }).click();
  await expect(page).toHaveURL(/\/es\/give\/thanks/);
  await page.goto("/es/campaigns/amara-texas");
  expect(dollars(await page.getByTestId("raised").textContent())).toBe(before + 15);
});
