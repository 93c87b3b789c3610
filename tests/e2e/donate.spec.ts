import { expect, test } from "@playwright/test";

/*
 * An anonymous gift never shows its name or email on a public page, and a declined or
 * cancelled attempt before it changes nothing. (The full journeys, with the books
 * compared, are in donor-journeys.spec.ts.)
 */
const GIVE = /^(Give \$[\d,]+\.\d{2}|Continue to secure payment)$/;

test("an anonymous gift shows no name anywhere public, and the declined and cancelled attempts before it changed nothing", async ({
  page,
  request,
}) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Luis*", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Luis*");
  const before = await page.getByTestId("raised").textContent();
  const wallBefore = await page.getByTestId("donor-wall").textContent();
  const give = async (outcome: string) => {
    await page.getByLabel("Other amount in dollars").fill("40");
    await page.getByLabel("Name on the donor wall").fill("Secret Donor Zed");
    await page.getByLabel("Give anonymously").check();
    await page.getByLabel("Email for your receipt").fill("zed@example.org");
    await page.getByRole("button", { name: GIVE }).click();
    await page.getByRole("button", { name: outcome }).click();
  };
  await give("Card declined");
  await page.getByRole("button", { name: "Go back (cancel)" }).click();
  await expect(page.getByTestId("raised")).toHaveText(before ?? "");
  await expect(page.getByTestId("donor-wall")).toHaveText(wallBefore ?? "");

  await give("Pay (card succeeds)");
  await expect(page).toHaveURL(/\/give\/thanks/);
  await page.getByRole("link", { name: "Back to Luis*'s campaign" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Luis*");
  await expect.poll(async () => (await page.reload(), await page.getByTestId("raised").textContent())).not.toBe(before);
  for (const path of ["/", "/es", "/campaigns/luis-arizona", "/es/campaigns/luis-arizona"]) {
    const body = await (await request.get(path)).text();
    expect(body, path).not.toContain("Secret Donor Zed");
    expect(body, path).not.toContain("zed@example.org");
  }
});
