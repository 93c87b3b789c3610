import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers/sign-in";

// Needs the test-only mail route (GET /api/test/last-mail) from the staff branch.
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const dollars = (s: string) => Math.round(Number(s.replace(/[$,]/g, "")) * 100);

async function generalPool(page: Page): Promise<number> {
  await page.goto("/treasury");
  return dollars(await page.getByTestId("general-pool").getByRole("link").innerText());
}

async function fill(page: Page, form: string, values: Record<string, string>, submit: RegExp) {
  const f = page.getByTestId(form);
  for (const [label, value] of Object.entries(values)) {
    const field = f.getByLabel(label, { exact: false });
    if ((await field.evaluate((el) => el.tagName)) === "SELECT") await field.selectOption(value);
    else await field.fill(value);
  }
  await f.getByRole("button", { name: submit }).click();
  await expect(page.getByTestId("done")).toBeVisible();
}

test("a bond goes from the lawyer's request to a refund that grows the general pool by principal + interest", async ({
  page,
}) => {
  test.setTimeout(180_000);
  // nadia-georgia's id, from the dashboard's link to its restricted fund in the ledger.
  await signIn(page, "treasurer@openbond.example");
  await page.goto("/treasury");
  const href = await page
    .getByRole("row", { name: /Campaign Nadia\*/ })
    .getByRole("link")
    .getAttribute("href");
  const campaignId = decodeURIComponent(href!).split("campaign:")[1]!;

  await signIn(page, "lawyer@openbond.example");
  await page.goto(`/lawyer/campaigns/${campaignId}/request-bond`);
  await expect(page.getByTestId("campaign-held")).toContainText("$");
  const form = page.getByTestId("form-request-bond");
  await form.getByLabel(/Bond amount/).fill("5000000");
  await form.getByRole("button", { name: "Request payment" }).click();
  await expect(form.getByTestId("form-error")).toBeVisible();
  await expect(form.getByLabel(/Bond amount/)).toHaveValue("5000000");
  await form.getByLabel(/Bond amount/).fill("5,000");
  await form.getByRole("button", { name: "Request payment" }).click();
  await expect(page.getByTestId("request-status")).toContainText("requested");
  // A lawyer is refused the treasury with HTTP 403 and the role it needs (app/forbidden.tsx).
  expect((await page.goto("/treasury"))?.status()).toBe(403);
  await expect(page.getByTestId("forbidden")).toContainText("treasurer");

  await signIn(page, "treasurer@openbond.example");
  await page.goto("/treasury");
  await page
    .getByRole("row", { name: /Nadia/ })
    .filter({ hasText: "requested" })
    .getByRole("link", { name: /Nadia/ })
    .click();
  await page.waitForURL(/\/treasury\/bonds\/[0-9a-f-]{36}/);
  const bondUrl = page.url();
  await expect(page.getByTestId("approve-effect")).toContainText("$5,000.00");
  await expect(page.getByTestId("approve-effect")).toContainText("cannot approve your own request");
  await page.getByTestId("case-file-panel").screenshot({ path: "test-results/treasury-case-file.png" });
  await page.getByTestId("form-approve").getByRole("button").click();
  await expect(page.getByTestId("done")).toBeVisible();

  await signIn(page, "treasurer2@openbond.example");
  await page.goto(bondUrl);
  if (await page.getByTestId("form-approve").isVisible()) {
    await page.getByTestId("form-approve").getByRole("button").click();
    await expect(page.getByTestId("done")).toContainText("Approved");
  }
  await fill(
    page,
    "form-pay",
    { Method: "fedwire", "Trace number": "FW-E2E-0001", "Payment date": day(-200) },
    /Record payment/,
  );
  await fill(
    page,
    "form-post",
    { "I-305 receipt number": "I305-E2E-0001", "Posting date": day(-200) },
    /Record posting/,
  );
  await page.screenshot({ path: "test-results/treasury-bond.png", fullPage: true });

  await signIn(page, "treasurer@openbond.example");
  await page.goto(bondUrl);
  await fill(page, "form-cancel", { "I-391 date": day(-30) }, /Record I-391/);
  await fill(page, "form-claim", { "Mailing date": day(-20) }, /Record claim/);
  const before = await generalPool(page);
  await page.screenshot({ path: "test-results/treasury-home.png", fullPage: true });
  await page.goto(bondUrl);
  const refund = page.getByTestId("form-refund");
  await refund.getByLabel(/Refund date/).fill(day(0));
  const total = await page.getByTestId("expected-total").innerText();
  const interest = dollars(await page.getByTestId("expected-interest").innerText());
  expect(interest).toBeGreaterThan(0);
  await refund.getByLabel(/Amount received/).fill(total.replace("$", ""));
  await expect(page.getByTestId("refund-preview")).toContainText("difference from expected $0.00");
  await refund.getByRole("button", { name: "Record refund" }).click();
  await expect(page.getByTestId("done")).toContainText("difference +$0.00");
  await expect(page.getByTestId("timeline")).toContainText("Refunded");
  expect(await generalPool(page)).toBe(before + 500_000 + interest);
});

test("a breached bond shows its appeal deadline on the bond page and the dashboard, and a late appeal is refused", async ({
  page,
}) => {
  await signIn(page, "treasurer@openbond.example");
  await page.goto("/treasury/bonds?status=posted");
  await page.getByRole("link", { name: "Tomás*" }).first().click();
  await page.waitForURL(/\/treasury\/bonds\/[0-9a-f-]{36}/);
  const bondUrl = page.url();
  await fill(page, "form-breach", { "I-323 date": day(-40) }, /Record breach/);
  await expect(page.getByTestId("appeal-deadline")).toContainText(`by ${day(-10)}`);
  await expect(page.getByTestId("appeal-deadline")).toContainText("The window closed 10 day(s) ago");
  const appeal = page.getByTestId("form-appeal");
  await appeal.getByLabel("Appeal date").fill(day(-5));
  await appeal.getByRole("button", { name: "Record appeal" }).click();
  await expect(appeal.getByTestId("form-error")).toContainText(
    "The appeal window has closed: an appeal must be filed within 30 days of the I-323 breach notice, and this appeal date is 35 days after it.",
  );

  await page.goto("/treasury");
  const row = page.getByTestId("breaches").getByRole("row", { name: /Tomás\*/ });
  await expect(row).toContainText(day(-10));
  await expect(row).toContainText("window closed 10 day(s) ago");
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: "test-results/treasury-breaches.png", fullPage: true });

  // ICE reinstates it: the bond is posted again and leaves the list.
  await page.goto(bondUrl);
  await page.getByTestId("form-reinstate").getByRole("button", { name: "Reinstate" }).click();
  await expect(page.getByTestId("done")).toBeVisible();
  await page.goto("/treasury");
  await expect(page.getByTestId("breaches")).toHaveCount(0);
});
