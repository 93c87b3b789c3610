import { expect, test, type Page } from "@playwright/test";
import { giveHere, openCampaign } from "./helpers/give";
import { signIn } from "./helpers/sign-in";
import { axeViolations } from "./helpers/axe";

/** The treasury's own menu (the treasurer starts at the treasury home from the header). */
const treasury = (page: Page, item: string) =>
  page
    .getByRole("navigation", { name: /treasury/i })
    .getByRole("link", { name: item })
    .click();

// Click-only from the home page and the treasury home. The Stripe double's console (/dev/stripe) is a
// test tool standing in for Stripe's dashboard, opened directly; the progress and export routes are
// fetched directly to check what they answer (JSON, CSV headers, 401 for anonymous).

test("a treasurer imports Stripe payouts and a bank statement, reads the reports and downloads the ledger", async ({
  page,
  request,
}) => {
  // A gift and a payout through the offline Stripe console, so there is something to reconcile.
  await page.goto("/");
  await openCampaign(page, "Amara");
  await giveHere(page, "20");
  await page.getByRole("link", { name: "Test tools (no real money)" }).click();
  await page
    .getByRole("button", { name: /payout/i })
    .first()
    .click();

  await signIn(page, "treasurer@openbond.example");
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Treasury" }).click();
  await treasury(page, "Reconciliation");
  await page.getByTestId("import-stripe").getByRole("button", { name: "Import from Stripe" }).click();
  await expect(page.getByTestId("import-stripe")).toContainText(/Imported 1 payout\(s\)/);
  await page.reload();
  await expect(page.getByTestId("stripe-summary")).toContainText(/[1-9]\d* matched.*0 exceptions/);
  await expect(page.getByTestId("payouts-attention")).toContainText(
    "None: every payout is imported and matches the books.",
  );
  await treasury(page, "Overview");
  await expect(page.getByTestId("payouts-unreconciled")).toHaveText("0");
  await treasury(page, "Reconciliation");

  const csv = "date,amount,description\n2026-01-05,-12.50,Bank fee\n";
  const bank = page.getByTestId("import-bank");
  await bank
    .getByLabel("Statement file")
    .setInputFiles({ name: "jan.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await bank.getByRole("button", { name: "Import statement" }).click();
  await expect(bank).toContainText("1 line(s) read: 1 new");
  await bank
    .getByLabel("Statement file")
    .setInputFiles({ name: "jan.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await bank.getByRole("button", { name: "Import statement" }).click();
  await expect(bank).toContainText("0 new, 1 already imported");
  // The page polls this while an import runs; afterwards it holds the finished run, counts only.
  const run = await page.request.get("/treasury/reconciliation/progress?kind=bank");
  expect(run.status()).toBe(200);
  expect(await run.json()).toMatchObject({
    status: "done",
    done: 1,
    total: 1,
    summary: "1 line(s) read: 0 new, 1 already imported, 0 matched.",
  });
  expect((await request.get("/treasury/reconciliation/progress?kind=bank")).status()).toBe(401);
  await bank
    .getByLabel("Statement file")
    .setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("date,amount\n2026-01-05,1\n") });
  await bank.getByRole("button", { name: "Import statement" }).click();
  await expect(bank.getByTestId("form-error")).toContainText('needs a "description" column');

  await treasury(page, "Reports");
  await expect(page.getByText("Assets equal funds, to the cent.")).toBeVisible();
  await expect(page.getByTestId("revolving")).toContainText("Recovery rate (ended bonds)100%");
  // Charts: an accessible name on each drawing, and its numbers in a table.
  const balances = page.getByTestId("chart-balances");
  await expect(balances.getByRole("img", { name: /Month-end balances/ })).toBeVisible();
  await expect(balances.getByRole("columnheader", { name: "General pool" })).toBeVisible();
  expect(await balances.locator("tbody tr").count()).toBeGreaterThan(12);
  await expect(page.getByTestId("chart-flows").getByRole("img", { name: /gifts received/ })).toBeVisible();
  await expect(page.getByTestId("chart-bonds").locator("tbody")).toContainText("1");
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: "test-results/treasury-reports.png", fullPage: true });
  const res = await page.request.get("/treasury/exports/ledger");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toMatch(/attachment; filename="openbond-ledger-/);
  expect((await res.text()).split("\n")[0]).toBe(
    "entry,effective_at,kind,memo,account,debit,credit,campaign_alias,reverses_entry",
  );
  const anonymous = await request.get("/treasury/exports/ledger");
  expect([401, 403]).toContain(anonymous.status());
});
