/**
 * Issue 10, the lawyer's and the admin's journeys, by clicking from each role's home after sign-in
 * (tests/e2e/helpers/sign-in.ts): a new lawyer signs up, an admin verifies them, the lawyer writes a
 * campaign (the privacy guard stops the client's name in the story), the admin approves it, it goes
 * live anonymised, a donor gives from the home page with a donor-wall name the admin approves, the
 * lawyer edits the public text (reviewed), posts an update for donors (the guard stops the client's
 * name in it; the admin approves it from the review queue; the visitor finds it, in English and
 * Spanish, by clicking from the home page), and requests the bond payment. The admin then checks
 * the staff list and the audit log. Every money figure shown is held against the
 * books. Phone and desktop screenshots of each step: test-results/journeys/lawyer-*.png.
 *
 * Exempt from "click only", on purpose: the first test types staff URLs as an anonymous visitor and
 * as a lawyer (it checks refusals, like security/role-matrix.spec.ts), and the privacy canary requests public
 * URLs directly (it must reach pages no link leads to, such as a filtered home page or a 404).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { books, cents, expectFigureMatchesBooks, staffCents } from "./helpers/books";
import { giveHere } from "./helpers/give";
import { shots } from "./helpers/shots";
import { signIn } from "./helpers/sign-in";

function readIfExists(file: string): string {
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}

/** Every byte under a folder, concatenated (the embedded database's files). */
function readTree(dir: string): Buffer {
  if (!existsSync(dir)) return Buffer.alloc(0);
  return Buffer.concat(
    readdirSync(dir).map((name) => {
      const p = path.join(dir, name);
      return statSync(p).isDirectory() ? readTree(p) : readFileSync(p);
    }),
  );
}

const CASE = {
  legalName: "Quenby Marlowick",
  aNumber: "A314-159-265",
  dateOfBirth: "1991-06-12",
  countryOfBirth: "Eritrea",
  facility: "Otay Mesa Detention Center",
  releaseAddress: "77 Larkspur Way, Oakland",
  releasePhone: "(510) 555-0142",
};
const NEEDLES = ["Quenby", "Marlowick", "314159265", "314-159-265", "1991-06-12", "Otay Mesa", "Larkspur", "555-0142"];
const STORY =
  "Noor* fled violence and asked for asylum at the border. She has been detained since the summer; a judge set a bond her family cannot pay. A church in her community will host her.";
const EDIT = "Update: Noor* has a hearing date, and the church has a room ready for her.";
const UPDATE = "Noor* had her hearing this week. The church has a room ready for her. <b>Thank you</b> all <3";
const UPDATE_ES =
  "Noor* tuvo su audiencia esta semana. La iglesia tiene un cuarto listo para ella. ¡Gracias a todos <3";
const NEW_LAWYER = "quill.advocate@example.org";
const WALL_NAME = "The Maple Street Choir";

async function staffPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** The header's area link (Lawyer, Treasury, Admin), then an item of the area's own menu. */
async function nav(page: Page, area: "Lawyer" | "Admin", item?: string): Promise<void> {
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: area }).click();
  if (item) await page.getByRole("link", { name: item, exact: true }).first().click();
}

test("a new lawyer signs up, is verified, writes a campaign that goes live anonymised, posts an update and requests the bond; the admin verifies, reviews, approves a donor name, sees staff and audit", async ({
  browser,
  request,
}) => {
  test.setTimeout(720_000); // three people, ~40 pages and 18 pairs of screenshots on a shared 2-core machine
  // Sign up: the first sign-in makes an account with no role; the account page points to the profile.
  const lawyer = await staffPage(browser, NEW_LAWYER);
  await expect(lawyer.getByTestId("roles")).toContainText("No role yet");
  await shots(lawyer, "journeys/lawyer-01-new-account");
  await lawyer.getByRole("link", { name: "Fill in your lawyer profile" }).click();
  const profile = lawyer.getByRole("form", { name: "Lawyer profile" });
  await profile.getByLabel("Full name").fill("Quill Advocate");
  await profile.getByLabel("Bar number").fill("314159");
  await profile.getByLabel("Bar state").fill("CA");
  await profile.getByLabel("EOIR ID").fill("QA31415");
  await profile.getByRole("button", { name: "Submit for verification" }).click();
  await expect(lawyer.getByRole("status")).toContainText("Profile sent");
  await shots(lawyer, "journeys/lawyer-02-profile-sent");

  // The admin verifies the lawyer from the admin home's queue.
  const admin = await staffPage(browser, "admin@openbond.example");
  await nav(admin, "Admin");
  const row = admin.getByTestId("lawyer-queue").getByRole("row").filter({ hasText: NEW_LAWYER });
  await expect(row).toContainText("CA 314159");
  await shots(admin, "journeys/admin-01-lawyer-queue");
  await row.getByRole("button", { name: "Verify" }).click();
  await expect(admin.getByTestId("done")).toContainText("Lawyer verified");

  // The lawyer writes the campaign; the privacy guard stops the client's name in the story.
  await nav(lawyer, "Lawyer");
  await expect(lawyer.getByRole("heading", { name: "My campaigns" })).toBeVisible();
  await lawyer.getByRole("link", { name: "New campaign" }).first().click();
  const form = lawyer.getByRole("form", { name: "Campaign" });
  await form.getByLabel("Legal name").fill(CASE.legalName);
  await form.getByLabel("A-number").fill(CASE.aNumber);
  await form.getByLabel("Date of birth").fill(CASE.dateOfBirth);
  await form.getByLabel("Country of birth").fill(CASE.countryOfBirth);
  await form.getByLabel("Detention facility").fill(CASE.facility);
  await form.getByLabel("Bond set by").selectOption("judge");
  await form.getByLabel("Bond type").selectOption("delivery");
  await form.getByLabel("Bond amount (US dollars)").fill("1,500");
  await form.getByLabel("Bond order date").fill("2025-08-04");
  await form.getByLabel("Release address").fill(CASE.releaseAddress);
  await form.getByLabel("Release phone").fill(CASE.releasePhone);
  await form.getByLabel("Consent date").fill("2025-08-06");
  await form.getByLabel(/written consent to publish/).check();
  await form.getByLabel(/consented to the story/).check();
  await form.getByLabel("Alias").fill("Noor");
  await form.getByLabel("Region").selectOption("California");
  await form.getByLabel("One-line summary").fill("A mother detained since the summer, hoping to rejoin her community.");
  await form
    .getByLabel("Story", { exact: true })
    .fill(`My client ${CASE.legalName} has been detained since the summer and cannot pay the bond a judge set.`);
  await form.getByLabel("Month of detention").fill("2025-07");
  await form.getByRole("button", { name: "Submit for review" }).click();
  const storyError = form.getByTestId("error-story");
  await expect(storyError).toContainText(/name/i);
  await expect(form.getByRole("alert")).toContainText("correct the fields marked below");
  for (const n of NEEDLES) await expect(storyError).not.toContainText(n);
  await expect(form.getByLabel("Legal name")).toHaveValue(CASE.legalName);
  await shots(lawyer, "journeys/lawyer-03-form-blocked");
  await form.getByLabel("Story", { exact: true }).fill(STORY);
  await expect(form.getByTestId("story-count")).toContainText(`${STORY.length} / 5,000`);
  await form.getByRole("button", { name: "Submit for review" }).click();
  await expect(lawyer).toHaveURL(/\/lawyer\?submitted=/);
  await expect(lawyer.getByTestId("lawyer-campaigns").getByRole("row", { name: /Noor/ })).toContainText("in review");
  await shots(lawyer, "journeys/lawyer-04-in-review");

  // The admin's privacy review, from the queues.
  await nav(admin, "Admin", "Queues");
  await admin.getByRole("link", { name: "Review Noor*" }).click();
  await expect(admin.getByTestId("case-file")).toContainText(CASE.legalName);
  await expect(admin.getByTestId("case-file")).toContainText(CASE.aNumber);
  await expect(admin.getByTestId("approve-effect")).toContainText(
    /The campaign goes live at \/campaigns\/noor-[0-9a-f]{6}/,
  );
  await shots(admin, "journeys/admin-02-review");
  await admin.getByRole("button", { name: "Approve and publish" }).click();
  await expect(admin).toHaveURL(/done=approved/);

  // Live: a visitor finds it on the home page, anonymised, and gives with a donor-wall name.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/");
  await expect(visitor.getByTestId("campaign-card").filter({ hasText: "Noor" })).toContainText("California");
  for (const n of NEEDLES) expect(await visitor.content()).not.toContain(n);
  await visitor.getByRole("link", { name: "Noor*", exact: true }).first().click();
  await visitor.waitForURL(/\/campaigns\/noor-[0-9a-f]{6}$/);
  const slug = /\/campaigns\/(noor-[0-9a-f]{6})/.exec(visitor.url())?.[1];
  expect(slug).toBeTruthy();
  await shots(visitor, "journeys/lawyer-05-live-public");
  await giveHere(visitor, "40", WALL_NAME);
  await visitor
    .getByRole("link", { name: /Noor\*/ })
    .first()
    .click();
  const held = await expectFigureMatchesBooks(visitor, request, slug!);
  expect(held).toBeGreaterThan(3_500); // $40 less Stripe's fee
  await expect(visitor.getByTestId("donor-wall")).not.toContainText(WALL_NAME);

  // The admin approves the donor-wall name from the Donor names queue.
  await nav(admin, "Admin", "Donor names");
  const names = admin.getByTestId("donor-names").getByRole("row").filter({ hasText: WALL_NAME });
  await names.getByRole("checkbox").check();
  await shots(admin, "journeys/admin-03-donor-names");
  await admin.getByRole("button", { name: "Approve selected" }).click();
  await expect(admin.getByRole("form", { name: "Donor wall names" }).getByRole("status")).toContainText(
    "1 name approved",
  );
  await expect
    .poll(async () => (await visitor.reload(), visitor.getByTestId("donor-wall").innerText()))
    .toContain(WALL_NAME);

  // The lawyer sees the same money on the campaign page, then edits the public text (reviewed like the story).
  await nav(lawyer, "Lawyer", "My campaigns");
  await lawyer.getByRole("link", { name: "Noor*" }).click();
  expect(cents(await lawyer.getByTestId("lawyer-campaign-held").innerText())).toBe(held);
  const b = await books(request, slug!);
  expect(cents(await lawyer.getByTestId("lawyer-campaign-raised").innerText())).toBe(b.balanceCents + b.paidToIceCents);
  const edit = lawyer.getByRole("form", { name: "Propose an edit" });
  await edit.getByLabel("Story", { exact: true }).fill(`${STORY} ${EDIT}`);
  await edit.getByRole("button", { name: "Send edit for review" }).click();
  await expect(edit).toContainText("Sent for privacy review");
  await shots(lawyer, "journeys/lawyer-06-edit-sent");
  await nav(admin, "Admin", "Queues");
  await admin.getByRole("link", { name: "Review Noor*" }).click();
  await admin.getByRole("button", { name: "Approve and publish" }).click();
  await expect(admin).toHaveURL(/done=approved/);
  await expect.poll(async () => (await visitor.reload(), visitor.locator("main").innerText())).toContain(EDIT);
  await shots(visitor, "journeys/lawyer-07-edit-public");

  // The update for donors: the guard stops the client's name without echoing it; the fixed text goes to review.
  const post = lawyer.getByRole("form", { name: "Post an update" });
  await post.getByLabel("Update in English").fill(`${CASE.legalName} had her hearing this week.`);
  await post.getByRole("button", { name: "Send update for review" }).click();
  const updateError = post.getByTestId("error-bodyEn");
  await expect(updateError).toContainText(/English update contains the client's legal name/);
  for (const n of NEEDLES) await expect(updateError).not.toContainText(n);
  await shots(lawyer, "journeys/lawyer-08-update-blocked");
  await post.getByLabel("Update in English").fill(UPDATE);
  await post.getByLabel("Update in Spanish (optional)").fill(UPDATE_ES);
  await post.getByRole("button", { name: "Send update for review" }).click();
  await expect(lawyer.getByTestId("done")).toContainText("Update sent for privacy review");
  await expect(lawyer.getByTestId("lawyer-updates")).toContainText("Waiting for privacy review");
  await shots(lawyer, "journeys/lawyer-09-update-sent");
  await visitor.reload();
  await expect(visitor.locator("main")).not.toContainText("had her hearing"); // not public before review

  // The admin finds it in the privacy-review queue and approves it by clicking.
  await nav(admin, "Admin", "Queues");
  await expect(admin.getByTestId("review-queue").getByRole("row", { name: /Noor/ })).toContainText("1 update");
  await admin.getByRole("link", { name: "Review Noor*" }).click();
  await expect(admin.getByTestId("update-review")).toContainText(UPDATE);
  await expect(admin.getByTestId("update-review")).toContainText(UPDATE_ES);
  await shots(admin, "journeys/admin-04-update-review");
  await admin.getByRole("button", { name: "Approve and publish the update" }).click();
  await expect(admin.getByTestId("done")).toContainText("Update approved");

  // The visitor reaches it by clicking from the home page: newest update on top, dated, as plain text, in both languages.
  await visitor.getByRole("banner").getByRole("link").first().click();
  await visitor.getByRole("link", { name: "Noor*", exact: true }).first().click();
  await expect(visitor.getByTestId("updates").getByRole("listitem").first()).toContainText(UPDATE);
  await expect(visitor.getByTestId("updates").getByRole("listitem").first()).toContainText(
    new Date().toLocaleDateString("en-US", { month: "long", day: "numeric", year: "numeric", timeZone: "UTC" }),
  );
  await expect(visitor.getByTestId("updates").locator("b")).toHaveCount(0); // typed markup shows as text
  await shots(visitor, "journeys/lawyer-10-update-public");
  await visitor.getByRole("link", { name: "Ver esta página en español" }).click();
  await expect(visitor.getByTestId("updates").getByRole("listitem").first()).toContainText(UPDATE_ES);
  await shots(visitor, "journeys/lawyer-11-update-public-es");
  await visitor.getByRole("link", { name: "View this page in English" }).click();
  await expect(visitor.getByTestId("updates")).toContainText(UPDATE);

  // The bond request, from the campaign page; the general pool tops up what the campaign lacks.
  await lawyer.getByRole("link", { name: "Request the bond payment" }).click();
  expect(cents(await lawyer.getByTestId("campaign-held").innerText())).toBe(held);
  const request1 = lawyer.getByTestId("form-request-bond");
  await request1.getByLabel(/Bond amount/).fill("1,500");
  await request1.getByLabel(/Top-up/).fill(((150_000 - held) / 100).toFixed(2));
  await shots(lawyer, "journeys/lawyer-12-request-bond");
  await request1.getByRole("button", { name: "Request payment" }).click();
  await expect(lawyer.getByTestId("request-status")).toContainText("$1,500.00 bond payment is requested");
  await lawyer.getByRole("link", { name: /Back to Noor/ }).click();
  await expect(lawyer.getByTestId("lawyer-bond-status")).toContainText("$1,500.00");
  await shots(lawyer, "journeys/lawyer-13-bond-requested");
  // Nothing moved yet: the campaign still holds what the donor gave, net of Stripe's fee.
  expect((await books(request, slug!)).balanceCents).toBe(held);
  expect(staffCents(await lawyer.getByTestId("lawyer-campaign-held").innerText())).toBe(held);

  // The admin's staff list has the new lawyer; the audit log has the verification, the reviews and the case-file reads.
  await nav(admin, "Admin", "Staff");
  await expect(admin.getByTestId(`staff-${NEW_LAWYER}`).getByRole("checkbox", { name: "lawyer" })).toBeChecked();
  await shots(admin, "journeys/admin-05-staff");
  await nav(admin, "Admin", "Audit log");
  const filter = admin.getByRole("search", { name: "Filter the audit log" });
  await filter.getByLabel(/Action/).fill("case_file.read");
  await filter.getByRole("button", { name: "Filter" }).click();
  await expect(admin.getByTestId("audit-table")).toContainText("case_file.read");
  for (const n of NEEDLES) expect(await admin.content()).not.toContain(n);
  await shots(admin, "journeys/admin-06-audit");

  // Privacy canary: every public page and API response, the server's log and the database files on
  // disk must not contain a single case-file value (requested directly, see the header comment).
  const publicPaths = [
    "/",
    "/es",
    `/campaigns/${slug}`,
    `/es/campaigns/${slug}`,
    `/campaigns/${slug}/transparency`,
    `/es/campaigns/${slug}/transparency`,
    "/?region=California",
    "/?status=live&sort=raised",
    "/campaigns/does-not-exist",
    "/api/auth/session",
    "/api/auth/providers",
    "/sign-in",
  ];
  for (const p of publicPaths) {
    const res = await visitor.request.get(p);
    expect(res.status(), p).toBeLessThan(500);
    const body = await res.text();
    for (const n of NEEDLES) expect(body, `${p} leaks a case-file value`).not.toContain(n);
  }
  const logs = readIfExists(".data/e2e-server.log");
  expect(logs.length, "the server log is captured").toBeGreaterThan(0);
  for (const n of NEEDLES) expect(logs, "server log leaks a case-file value").not.toContain(n);
  const stored = readTree(".data/e2e");
  for (const n of NEEDLES)
    expect(stored.includes(Buffer.from(n)), `database files hold "${n}" in plaintext`).toBe(false);
});
