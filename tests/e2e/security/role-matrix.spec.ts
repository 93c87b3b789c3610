/**
 * Every staff page and route handler, for every kind of visitor: anonymous (the
 * donor has no account), lawyer, another lawyer, treasurer, admin. Each is
 * either allowed (the page renders), refused (sign-in for nobody, a 403 page
 * naming the role, 404 for someone else's campaign), as designed. Server actions
 * call the same lib entry points, whose own matrix is tests/integration/staff-access-matrix.test.ts.
 *
 * Addresses are typed here on purpose, as someone guessing or skipping a step would: a refusal is
 * what a page says to a visitor who has no link to it. The journeys reach every page by clicking.
 */
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../helpers/sign-in";
import { openStaffArea } from "../helpers/staff-nav";

type Who = "anonymous" | "lawyer" | "otherLawyer" | "treasurer" | "admin";
type Outcome = "ok" | "signin" | "403" | "404";

const EMAIL: Record<Exclude<Who, "anonymous">, string> = {
  lawyer: "lawyer@openbond.example",
  otherLawyer: "lawyer2@openbond.example",
  treasurer: "treasurer@openbond.example",
  admin: "admin@openbond.example",
};

/** Ids are read from the app itself: a demo campaign of the first lawyer and a demo bond. */
async function ids(page: Page): Promise<{ campaign: string; bond: string }> {
  await signIn(page, EMAIL.admin);
  await openStaffArea(page, "Treasury", "Bonds");
  await page.waitForURL(/\/treasury\/bonds$/);
  const bond = /\/treasury\/bonds\/([0-9a-f-]{36})/.exec(
    (await page.locator('a[href^="/treasury/bonds/"]').first().getAttribute("href")) ?? "",
  )?.[1];
  await signIn(page, EMAIL.lawyer);
  await openStaffArea(page, "Lawyer");
  const campaign = /\/lawyer\/campaigns\/([0-9a-f-]{36})/.exec(
    (await page.locator('a[href^="/lawyer/campaigns/"]').filter({ hasNotText: "New" }).first().getAttribute("href")) ??
      "",
  )?.[1];
  expect(bond && campaign).toBeTruthy();
  return { campaign: campaign!, bond: bond! };
}

function expected(path: string, who: Who): Outcome {
  if (who === "anonymous") return "signin";
  if (path === "/account" || path === "/lawyer" || path === "/lawyer/profile") return "ok";
  if (path.startsWith("/lawyer/campaigns/") && path !== "/lawyer/campaigns/new") {
    if (who === "lawyer") return "ok";
    // A treasurer may request a bond payment for any campaign (lib/bonds/payment.ts).
    if (who === "treasurer" && path.endsWith("/request-bond")) return "ok";
    return who === "otherLawyer" ? "404" : "403";
  }
  if (path.startsWith("/lawyer")) return who === "lawyer" || who === "otherLawyer" ? "ok" : "403";
  if (path.startsWith("/admin")) return who === "admin" ? "ok" : "403";
  // Donors' addresses (Schedule B): treasurers only, not admins' oversight.
  if (path === "/treasury/receipts") return who === "treasurer" ? "ok" : "403";
  if (path.startsWith("/treasury")) return who === "treasurer" || who === "admin" ? "ok" : "403";
  throw new Error(`no rule for ${path}`);
}

async function outcome(page: Page, path: string): Promise<Outcome> {
  const res = await page.goto(path);
  if (new URL(page.url()).pathname.startsWith("/sign-in")) return "signin";
  if (res?.status() === 404) return "404";
  // A refusal is an HTTP 403 (forbidden()); its notice may still be streaming when goto resolves.
  if (res?.status() === 403) {
    await expect(page.getByTestId("forbidden")).toBeVisible();
    return "403";
  }
  if ((await page.getByTestId("forbidden").count()) > 0) return "403";
  expect(res?.status(), `${path} answered ${res?.status()}`).toBe(200);
  return "ok";
}

test("every staff page allows or refuses each role as designed", async ({ page }) => {
  test.setTimeout(180_000);
  const { campaign, bond } = await ids(page);
  const paths = [
    "/account",
    "/lawyer",
    "/lawyer/profile",
    "/lawyer/campaigns/new",
    `/lawyer/campaigns/${campaign}`,
    `/lawyer/campaigns/${campaign}/request-bond`,
    "/admin",
    "/admin/audit",
    "/treasury",
    "/treasury/bonds",
    `/treasury/bonds/${bond}`,
    "/treasury/ledger?account=general",
    "/treasury/rates",
    "/treasury/gifts",
    "/treasury/reconciliation",
    "/treasury/reports",
    "/treasury/receipts",
  ];
  const failures: string[] = [];
  for (const who of ["anonymous", "lawyer", "otherLawyer", "treasurer", "admin"] as const) {
    await page.context().clearCookies();
    if (who !== "anonymous") await signIn(page, EMAIL[who]);
    for (const path of paths) {
      const got = await outcome(page, path);
      const want = path === "/account" && who === "anonymous" ? "signin" : expected(path, who);
      if (got !== want) failures.push(`${who} ${path}: expected ${want}, got ${got}`);
    }
  }
  expect(failures).toEqual([]);
});

test("a refusal says which role the page is for", async ({ page }) => {
  await signIn(page, EMAIL.lawyer);
  await page.goto("/admin");
  await expect(page.getByTestId("forbidden")).toContainText("This page is for admin accounts.");
});

test("route handlers refuse the wrong role with a status code", async ({ page, request }) => {
  expect((await request.get("/treasury/exports/ledger")).status()).toBe(401);
  expect((await request.get("/treasury/reconciliation/progress?kind=stripe")).status()).toBe(401);
  await signIn(page, EMAIL.lawyer);
  expect((await page.request.get("/treasury/exports/ledger")).status()).toBe(403);
  expect((await page.request.get("/treasury/reconciliation/progress?kind=bank")).status()).toBe(403);
  await signIn(page, EMAIL.admin);
  expect((await page.request.get("/treasury/exports/ledger")).status()).toBe(200);
  expect((await page.request.get("/treasury/exports/bonds-with-case-files")).status()).toBe(403);
  expect((await page.request.get("/treasury/exports/nothing")).status()).toBe(404);
  expect((await page.request.get("/treasury/reconciliation/progress?kind=ledger")).status()).toBe(400);
  await signIn(page, EMAIL.treasurer);
  expect((await page.request.get("/treasury/exports/bonds-with-case-files")).status()).toBe(200);
});
