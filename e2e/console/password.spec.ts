import type { Page } from "@playwright/test";
import { expect, formAlert, logIn, snap, test, useConsoleServer } from "./fixtures";

// No ADMIN_PASSWORD: the admin is seeded with the runbook's default password.
const consoleServer = useConsoleServer({ ADMIN_PASSWORD: "" });

const DEFAULT_PASSWORD = "changeme123";
const NEW_PASSWORD = "a-much-better-password-42";

async function fillPasswords(page: Page, current: string, next: string, again = next) {
  await page.getByLabel("Current password").fill(current);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("New password again").fill(again);
  await page.getByRole("button", { name: "Change password" }).click();
}

test.describe.configure({ mode: "serial" });

test.describe("forced password change", () => {
  test("the seeded admin is sent to the password page before anything else", async ({ page }) => {
    await logIn(page, { password: DEFAULT_PASSWORD });
    await expect(page).toHaveURL(/\/account\/password$/);
    await expect(page.getByText("Choose a new one to continue.")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveCount(0);
    await snap(page, "password-forced");

    for (const path of ["/", "/personas", "/admins"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/account\/password$/);
    }
  });

  test("the form names its account to password managers", async ({ page }) => {
    await logIn(page, { password: DEFAULT_PASSWORD, next: "/account/password" });
    const username = page.locator('form input[autocomplete="username"]');

    await expect(username).toHaveValue("admin");
    await expect(username).toBeHidden();
  });

  test("a new password shorter than 12 characters is refused inline", async ({ page }) => {
    await logIn(page, { password: DEFAULT_PASSWORD, next: "/account/password" });
    await fillPasswords(page, DEFAULT_PASSWORD, "short-pw");

    await expect(page.getByText("Password must be at least 12 characters")).toBeVisible();
    const field = page.getByLabel("New password", { exact: true });
    await expect(field).toHaveAttribute("aria-invalid", "true");
  });

  test("a new password over bcrypt's 72 bytes is refused inline", async ({ page }) => {
    await logIn(page, { password: DEFAULT_PASSWORD, next: "/account/password" });
    await fillPasswords(page, DEFAULT_PASSWORD, "é".repeat(37));

    await expect(page.getByText("Password must be at most 72 bytes")).toBeVisible();
  });

  test("a wrong current password is refused", async ({ page }) => {
    await logIn(page, { password: DEFAULT_PASSWORD, next: "/account/password" });
    await fillPasswords(page, "not-the-current-one", NEW_PASSWORD);

    await expect(formAlert(page)).toHaveText("Current password is incorrect");
  });

  test("two different new passwords are refused", async ({ page }) => {
    await logIn(page, { password: DEFAULT_PASSWORD, next: "/account/password" });
    await fillPasswords(page, DEFAULT_PASSWORD, NEW_PASSWORD, `${NEW_PASSWORD}-typo`);

    await expect(page.getByText("The two new passwords differ.")).toBeVisible();
  });

  test("a change keeps this session and ends older ones and tokens", async ({ page, browser }) => {
    const { url } = consoleServer().server;
    const tokenBefore = await (await fetch(`${url}/api/v1/auth/token`, {
      method: "POST",
      body: new URLSearchParams({ username: "admin", password: DEFAULT_PASSWORD }),
    })).json();
    await logIn(page, { password: DEFAULT_PASSWORD, next: "/personas" });
    await expect(page).toHaveURL(/\/account\/password$/);
    const cookiesBefore = await page.context().cookies();

    await fillPasswords(page, DEFAULT_PASSWORD, NEW_PASSWORD);

    await expect(page).toHaveURL(`${url}/`);
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await page.goto("/personas");
    await expect(page.getByRole("heading", { name: "Personas", exact: true })).toBeVisible();

    const older = await browser.newContext({ baseURL: url });
    await older.addCookies(cookiesBefore);
    const olderPage = await older.newPage();
    await olderPage.goto("/personas");
    await expect(olderPage).toHaveURL(/\/login\?next=%2Fpersonas$/);
    await older.close();

    const me = await fetch(`${url}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${tokenBefore.access_token}` },
    });
    expect(me.status).toBe(401);
  });

  test("the new password logs in and the old one no longer does", async ({ page }) => {
    await logIn(page, { password: DEFAULT_PASSWORD });
    await expect(formAlert(page)).toHaveText("Incorrect username or password.");

    await logIn(page, { password: NEW_PASSWORD });
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  });
});
