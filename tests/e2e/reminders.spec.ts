/**
 * The lawyer adds a hearing for a released person whose language is Spanish (then Russian): with
 * the test clock moved forward, the SMS reminders appear in the development outbox at their
 * times, in that language, and a correction goes out when the date changes. The lawyer's journey
 * starts at the lawyer's home and goes on by clicking; the clock and the outbox are the test
 * tools in a second tab (/dev/clock, /dev/outbox), opened directly: they are no user's page.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { shots } from "./helpers/shots";
import { signIn } from "./helpers/sign-in";

const TZ = "America/Chicago";
const DAY = 86_400_000;

/** Sign in through the shared helper (tests/e2e/helpers/sign-in.ts), in a fresh browser context. */
async function staffPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

const localDay = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: TZ }).format(d);

async function moveClock(tools: Page, days: number) {
  await tools.getByRole("link", { name: "Clock" }).click();
  await tools.getByLabel("Days").fill(String(days));
  await tools.getByRole("button", { name: "Move the clock forward and run reminders" }).click();
  await expect(tools.getByTestId("clock-result")).toBeVisible();
}

async function smsTo(tools: Page, phone: string) {
  await tools.getByRole("link", { name: "Outbox" }).click();
  await expect(tools.getByRole("heading", { name: "Outbox" })).toBeVisible();
  return tools.getByTestId("outbox-sms").filter({ hasText: `to ${phone}` });
}

const CASES = [
  {
    alias: "Tomás",
    language: "es",
    phone: "+15045550161",
    reminder: /Recordatorio: su audiencia en la corte de inmigración es el .+ a las 9:00/,
    correction: /NUEVA FECHA: su audiencia en la corte de inmigración ahora es el .+ a las 14:30/,
  },
  {
    alias: "Dmitri",
    language: "ru",
    phone: "+15045550162",
    reminder: /Напоминание: заседание иммиграционного суда — .+ в 0?9:00/,
    correction: /НОВАЯ ДАТА: заседание иммиграционного суда теперь .+ в 14:30/,
  },
];

for (const c of CASES) {
  test(`hearing reminders and a correction in ${c.language}`, async ({ browser }) => {
    test.setTimeout(120_000);
    const tools = await (await browser.newContext()).newPage();
    await tools.goto("/");
    await tools.getByRole("link", { name: "Test tools (no real money)" }).click();
    await tools.getByRole("navigation", { name: "Development tools" }).getByRole("link", { name: "Clock" }).click();
    await tools.getByRole("button", { name: "Reset the clock" }).click();

    const lawyer = await staffPage(browser, "lawyer@openbond.example");
    await lawyer.setViewportSize({ width: 1280, height: 800 });
    await lawyer.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Lawyer" }).click();
    await lawyer.getByRole("link", { name: `${c.alias}*` }).click();
    await lawyer.getByRole("link", { name: "Appointments and reminders" }).click();
    await expect(lawyer.getByRole("heading", { name: "Appointments and reminders" })).toBeVisible();

    // Register the person (before any date is known), then add the hearing.
    const reg = lawyer.getByRole("form", { name: "Reminder registration" });
    await reg.getByLabel("Person's mobile phone").fill(c.phone.replace("+1", ""));
    await reg.getByLabel("Language of the reminders").selectOption(c.language);
    await reg.getByLabel("Send reminders by").selectOption("sms");
    await reg.getByLabel("Your phone, shown in the messages").fill("+1 212 555 0199");
    await reg.getByLabel("Date the person consented").fill(localDay(new Date()));
    await reg.getByRole("button", { name: "Save reminder settings" }).click();
    await expect(reg.getByRole("alert")).toContainText("Nothing was submitted");
    await expect(reg.getByTestId("error-consent")).toContainText("recorded consent");
    await reg.getByLabel(/The person agreed to receive these reminders/).check();
    await reg.getByRole("button", { name: "Save reminder settings" }).click();
    await expect(lawyer.getByTestId("registration")).toContainText("Consent recorded on");
    await expect(lawyer.getByTestId("registration")).toContainText(`by SMS to ${c.phone}`);

    const hearingDay = localDay(new Date(Date.now() + 15 * DAY));
    const add = lawyer.getByRole("form", { name: "New appointment" });
    await add.getByLabel("Kind").selectOption("eoir_master");
    await add.getByLabel("Date").fill(localDay(new Date(Date.now() - DAY)));
    await add.getByLabel("Time (local)").fill("09:00");
    await add.getByLabel("Time zone").selectOption(TZ);
    await add.getByLabel("Place (court or office, address)").fill("New Orleans Immigration Court, 1 Canal St");
    await add.getByRole("button", { name: "Add appointment" }).click();
    await expect(add.getByTestId("error-date")).toContainText("already passed");
    await add.getByLabel("Date").fill(hearingDay);
    await add.getByRole("button", { name: "Add appointment" }).click();
    const card = lawyer.getByTestId("appointment").first();
    await expect(card.getByTestId("reminders").locator("tbody tr")).toHaveCount(4);
    await expect(card.locator('[data-status="pending"]')).toHaveCount(4);
    await shots(lawyer, `reminders-${c.language}-1-added`);

    // Nothing before its time; the 14-day reminder two days on; the 3-day one eleven days later.
    await expect(await smsTo(tools, c.phone)).toHaveCount(0);
    await moveClock(tools, 2);
    const after14 = await smsTo(tools, c.phone);
    await expect(after14).toHaveCount(1);
    await expect(after14.first()).toContainText(c.reminder);
    await expect(after14.first()).toContainText("+12125550199");
    await shots(tools, `reminders-${c.language}-2-outbox-14d`);
    await moveClock(tools, 11);
    await expect(await smsTo(tools, c.phone)).toHaveCount(2);

    // The court moves the hearing: a correction at once; the old date's last reminders are cancelled.
    await lawyer.reload();
    await lawyer.getByText("Change the date").first().click();
    const move = lawyer.getByRole("form", { name: "Change the date" }).first();
    await move.getByLabel("Date").fill(localDay(new Date(Date.now() + 22 * DAY)));
    await move.getByLabel("Time (local)").fill("14:30");
    await move.getByLabel("Time zone").selectOption(TZ);
    await move.getByLabel("Place (court or office, address)").fill("New Orleans Immigration Court, 1 Canal St");
    await move.getByRole("button", { name: "Save the new date and send a correction" }).click();
    await expect(lawyer.getByTestId("appointment").first()).toContainText("earlier:");
    await tools.getByRole("link", { name: "Clock" }).click();
    await tools.getByRole("button", { name: "Run reminders now" }).click();
    const all = await smsTo(tools, c.phone);
    await expect(all).toHaveCount(3);
    await expect(all.first()).toContainText(c.correction);
    await shots(tools, `reminders-${c.language}-3-outbox-correction`);
    await lawyer.reload();
    await expect(lawyer.getByTestId("appointment").first()).toContainText("earlier:");
    await expect(lawyer.locator('[data-status="cancelled"]')).toHaveCount(2);
    await shots(lawyer, `reminders-${c.language}-4-moved`);
    await tools.getByRole("link", { name: "Clock" }).click();
    await tools.getByRole("button", { name: "Reset the clock" }).click();
  });
}
