import type { Page } from "@playwright/test";

/** Signed in: the staff header's link to an area, then, if given, an item of that area's own menu. */
export async function openStaffArea(page: Page, area: "Lawyer" | "Treasury" | "Admin", item?: string): Promise<void> {
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: area }).click();
  await page.waitForURL((u) => u.pathname === `/${area.toLowerCase()}`);
  if (item) await page.getByRole("navigation", { name: area }).getByRole("link", { name: item, exact: true }).click();
}
