import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers/sign-in";
import { axeViolations } from "./helpers/axe";

/** "$8,085.21" → 808521; "-$5.00" → -500. */
const cents = (text: string | null) => {
  const t = (text ?? "").trim();
  return (t.startsWith("-") ? -1 : 1) * Number(t.replace(/[^0-9]/g, ""));
};

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function shoot(page: Page, name: string) {
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `test-results/${name}-phone.png`, fullPage: true });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: `test-results/${name}-desktop.png`, fullPage: true });
}

/** The dashboard's figure on the row labelled `label` (a link to the ledger behind it). */
const dashboardFigure = async (page: Page, label: string | RegExp) =>
  cents(await page.getByRole("row", { name: label }).getByRole("link").textContent());

/** From any page with the fund's name in its header: home, then Luis's campaign, and its public figure. */
async function openLuis(page: Page): Promise<void> {
  await page
    .getByRole("banner")
    .getByRole("link", { name: /Open Bond Fund/ })
    .first()
    .click();
  await page.getByTestId("campaign-card").filter({ hasText: "Luis" }).getByRole("link", { name: "Luis*" }).click();
  await expect(page).toHaveURL(/\/campaigns\//);
}
/** On the reconciliation page: import a bank statement of one line, and see it read as new. */
async function importOneBankLine(page: Page, name: string, line: string): Promise<void> {
  const bank = page.getByTestId("import-bank");
  const csv = `date,amount,description\n${line}\n`;
  await bank.getByLabel("Statement file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await bank.getByRole("button", { name: "Import statement" }).click();
  await expect(bank).toContainText("1 line(s) read: 1 new");
  await page.reload();
}

const raised = async (page: Page) => cents(await page.getByTestId("raised").first().textContent());

test("by clicking: a treasurer records three checks, imports the bank line that deposits them, sees them matched, and records one the bank returned", async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  // A visitor's view first: the campaign's public figure.
  await page.goto("/");
  await page.getByTestId("campaign-card").filter({ hasText: "Luis" }).getByRole("link", { name: "Luis*" }).click();
  // Read the figure on the campaign page, not the home card still on screen while the page loads.
  await expect(page).toHaveURL(/\/campaigns\//);
  const raisedBefore = await raised(page);
  await signIn(page, "treasurer@openbond.example");
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Treasury" }).click();
  await expect(page.getByRole("heading", { name: "Treasury", level: 1 })).toBeVisible();
  const before = {
    bank: await dashboardFigure(page, /^Bank/),
    undeposited: await dashboardFigure(page, /Checks and cash not yet deposited/),
    general: await dashboardFigure(page, /General pool \(unrestricted\)/),
    luis: await dashboardFigure(page, /Campaign Luis\* \(restricted\)/),
  };

  await page.getByRole("navigation", { name: "Treasury" }).getByRole("link", { name: "Offline gifts" }).click();
  const form = page.getByTestId("record-offline-gift");
  // A mistake first: a check dated in the future is refused, nothing written.
  await form.getByLabel("Amount in dollars").fill("125.50");
  await form.getByLabel("Donor's name", { exact: true }).fill("Grace Community Church");
  await form.getByLabel("Reference", { exact: true }).fill("4411");
  await form.getByLabel("Date received", { exact: true }).fill("2099-01-01");
  await form.getByRole("button", { name: "Record the gift" }).click();
  await expect(form.getByTestId("error-receivedOn")).toContainText("cannot be in the future");
  const today = new Date().toISOString().slice(0, 10);
  const checks = [
    { amount: "125.50", name: "Grace Community Church", ref: "4411", email: "office@grace.example", to: /Luis/ },
    { amount: "300", name: "Tom Becker", ref: "118", email: "", to: /Luis/ },
    { amount: "74.50", name: "Ana Ortiz", ref: "2093", email: "ana@donor.example", to: /General pool/ },
  ];
  for (const c of checks) {
    const f = page.getByTestId("record-offline-gift");
    await f.getByLabel("How it came").selectOption("check");
    await f.getByLabel("Amount in dollars").fill(c.amount);
    await f.getByLabel("Donor's name", { exact: true }).fill(c.name);
    await f.getByLabel("Donor's email (optional)").fill(c.email);
    await f.getByLabel("Date received", { exact: true }).fill(today);
    await f.getByLabel("Reference", { exact: true }).fill(c.ref);
    await f.getByLabel("For", { exact: true }).selectOption({ label: (await optionLabel(page, c.to))! });
    const listed = page.getByTestId("offline-gift").filter({ hasText: c.name });
    await expect(listed).toHaveCount(0);
    await f.getByRole("button", { name: "Record the gift" }).click();
    await expect(listed).toHaveCount(1);
    await expect(page.getByTestId("done")).toContainText("Gift recorded");
  }
  // The same check number twice for one donor: refused.
  const f = page.getByTestId("record-offline-gift");
  await f.getByLabel("Amount in dollars").fill("300");
  await f.getByLabel("Donor's name", { exact: true }).fill("Tom Becker");
  await f.getByLabel("Reference", { exact: true }).fill("118");
  await f.getByRole("button", { name: "Record the gift" }).click();
  await expect(f.getByTestId("error-reference")).toContainText("Check number 118 from this donor is already recorded");
  const list = page.getByTestId("offline-gifts");
  for (const c of checks)
    await expect(list.getByTestId("offline-gift").filter({ hasText: c.name })).toContainText("undeposited");
  expect(await axeViolations(page)).toEqual([]);
  await shoot(page, "offline-gifts-recorded");

  // The bank statement with the one deposit carrying all three checks.
  await page.getByRole("navigation", { name: "Treasury" }).getByRole("link", { name: "Reconciliation" }).click();
  await importOneBankLine(page, "deposit.csv", `${today},500.00,DEPOSIT 3 ITEMS`);
  await page
    .getByTestId("bank-unmatched")
    .getByRole("row", { name: /DEPOSIT 3 ITEMS/ })
    .getByRole("link", { name: "Match offline gifts" })
    .click();
  const match = page.getByTestId("match-deposit");
  // Two of the three do not make the deposit: refused, nothing matched.
  await match.getByRole("checkbox", { name: /Grace Community Church/ }).check();
  await match.getByRole("checkbox", { name: /Tom Becker/ }).check();
  await expect(match.getByTestId("selected-total")).toHaveText("Selected $425.50 of $500.00: $74.50 still to select.");
  await match.getByRole("button", { name: "Match the selected gifts" }).click();
  await expect(match.getByTestId("form-error")).toContainText(
    "add up to $425.50, but the bank line is $500.00 (a difference of $74.50)",
  );
  await shoot(page, "offline-deposit-match");
  await match.getByRole("checkbox", { name: /Ana Ortiz/ }).check();
  await match.getByRole("button", { name: "Match the selected gifts" }).click();
  await expect(page.getByTestId("done")).toContainText("Matched");
  await expect(page.getByTestId("line-matched")).toHaveText("offline deposit");
  await expect(page.getByTestId("deposited-gifts")).toContainText(`deposited on ${today}`);
  await shoot(page, "offline-deposit-matched");

  await page.getByRole("navigation", { name: "Treasury" }).getByRole("link", { name: "Offline gifts" }).click();
  for (const c of checks)
    await expect(
      page.getByTestId("offline-gifts").getByTestId("offline-gift").filter({ hasText: c.name }),
    ).toContainText(`deposited on ${today}`);
  await shoot(page, "offline-gifts-deposited");

  // The treasury's figures moved by exactly the checks, and equal the ledger behind them.
  await page.getByRole("navigation", { name: "Treasury" }).getByRole("link", { name: "Overview" }).click();
  expect(await dashboardFigure(page, /^Bank/)).toBe(before.bank + 50_000);
  expect(await dashboardFigure(page, /Checks and cash not yet deposited/)).toBe(before.undeposited);
  expect(await dashboardFigure(page, /General pool \(unrestricted\)/)).toBe(before.general + 7_450);
  expect(await dashboardFigure(page, /Campaign Luis\* \(restricted\)/)).toBe(before.luis + 42_550);
  for (const [label, account] of [
    [/^Bank/, "bank"],
    [/Checks and cash not yet deposited/, "undeposited_funds"],
  ] as const) {
    await page.getByRole("navigation", { name: "Treasury" }).getByRole("link", { name: "Overview" }).click();
    const shown = await dashboardFigure(page, label);
    await page.getByRole("row", { name: label }).getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(account);
    expect(cents(await page.getByTestId("ledger-balance").textContent())).toBe(shown);
  }
  await expect(page.getByRole("cell", { name: /deposit.*Bank deposit of 3 offline gift/ })).toBeVisible();

  // Tom Becker's check bounces: the bank's next statement takes it back, and the treasurer matches that line to it.
  await page.getByRole("navigation", { name: "Treasury" }).getByRole("link", { name: "Reconciliation" }).click();
  await importOneBankLine(page, "returned.csv", `${today},-300.00,RETURNED ITEM NSF`);
  await page
    .getByTestId("bank-unmatched")
    .getByRole("row", { name: /RETURNED ITEM NSF/ })
    .getByRole("link", { name: "A returned check?" })
    .click();
  const returned = page.getByTestId("return-check");
  await expect(returned.getByLabel("The check the bank returned")).toContainText("Tom Becker");
  await returned.getByRole("button", { name: "Record the returned check" }).click();
  await expect(returned.getByTestId("error-reason")).toContainText("what the bank said");
  await returned.getByLabel("What the bank said").fill("insufficient funds");
  await shoot(page, "offline-check-returned-form");
  await returned.getByRole("button", { name: "Record the returned check" }).click();
  await expect(page.getByTestId("done")).toContainText("the bank took the check back");
  await expect(page.getByTestId("line-matched")).toHaveText("offline return");
  await expect(page.getByTestId("returned-gift")).toContainText("Tom Becker");
  await shoot(page, "offline-check-returned");
  await page.getByRole("navigation", { name: "Treasury" }).getByRole("link", { name: "Offline gifts" }).click();
  await expect(
    page.getByTestId("offline-gifts").getByTestId("offline-gift").filter({ hasText: "Tom Becker" }),
  ).toContainText("returned by the bank");
  await page.getByRole("navigation", { name: "Treasury" }).getByRole("link", { name: "Overview" }).click();
  expect(await dashboardFigure(page, /^Bank/)).toBe(before.bank + 50_000 - 30_000);
  expect(await dashboardFigure(page, /Campaign Luis\* \(restricted\)/)).toBe(before.luis + 42_550 - 30_000);

  // The campaign's public figure counts the check given to it that the bank kept, like any gift.
  await openLuis(page);
  await expect.poll(async () => (await page.reload(), raised(page))).toBe(raisedBefore + 42_550 - 30_000);
});

async function optionLabel(page: Page, pattern: RegExp): Promise<string | undefined> {
  const labels = await page
    .getByTestId("record-offline-gift")
    .getByLabel("For", { exact: true })
    .locator("option")
    .allTextContents();
  return labels.find((l) => pattern.test(l));
}
