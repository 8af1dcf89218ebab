import type { Page } from "@playwright/test";
import { expect, logIn, snap, test, useConsoleServer } from "./fixtures";

useConsoleServer();

// The longest name a persona may have, with nowhere to break.
const longName = "a".repeat(60) + "-bot";

const phone = { width: 390, height: 844 };

async function overflow(page: Page) {
  return page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
}

test.describe.configure({ mode: "serial" });

test.describe("layout on a phone", () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize(phone);
  });

  test("a persona with a 64-character name can be created", async ({ page }) => {
    await logIn(page, { next: "/personas" });
    await page.getByLabel("Name").fill(longName);
    await page.getByRole("button", { name: "Create persona" }).click();

    await expect(page.getByRole("main").getByRole("status")).toContainText("Created persona");
  });

  for (const path of ["/", "/personas", "/admins", "/account/password"]) {
    test(`${path} does not scroll sideways at 390 px`, async ({ page }) => {
      await logIn(page, { next: path });
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

      expect(await overflow(page)).toBeLessThanOrEqual(0);
    });
  }

  test("every navigation link is in view at 390 px", async ({ page }) => {
    await logIn(page);
    const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
    await expect(links).toHaveCount(4);

    for (const link of await links.all()) {
      await expect(link).toBeInViewport({ ratio: 1 });
    }
  });

  test("a long persona name stays inside its card", async ({ page }) => {
    await logIn(page, { next: "/personas" });
    const row = page.getByRole("row", { name: new RegExp(longName) });
    const settings = row.getByRole("link", { name: `Settings of ${longName}` });
    await expect(settings).toBeInViewport({ ratio: 1 });
    await expect(row.getByText(/^\d{4}-\d{2}-\d{2}$/)).toBeInViewport({ ratio: 1 });
    await snap(page, "personas-phone-long-name");

    await settings.click();
    await expect(page.getByRole("heading", { name: `Settings: ${longName}` })).toBeVisible();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });

  test("on a wide screen the long name leaves Created and Settings in the card", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await logIn(page, { next: "/personas" });
    const table = page.getByRole("table", { name: "Personas" });
    const card = await table.locator("xpath=..").boundingBox();
    const link = await page.getByRole("link", { name: `Settings of ${longName}` }).boundingBox();

    expect(link!.x + link!.width).toBeLessThanOrEqual(card!.x + card!.width);
  });
});
