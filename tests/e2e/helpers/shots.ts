import type { Page } from "@playwright/test";

/** A phone (390×844) and a desktop (1280×800) full-page screenshot: test-results/<name>-phone|desktop.png. */
export async function shots(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `test-results/${name}-desktop.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}
