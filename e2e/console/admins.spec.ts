import { expect, formAlert, logIn, snap, test, useConsoleServer } from "./fixtures";

useConsoleServer();

test.describe.configure({ mode: "serial" });

test.describe("admins", () => {
  test("the admins page lists the seeded admin", async ({ page }) => {
    await logIn(page, { next: "/admins" });

    const table = page.getByRole("table", { name: "Admins" });
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table.getByRole("row", { name: /admin/ })).toContainText("Admin User");
  });

  test("an added admin is listed and must pick a password at login", async ({ page, browser }) => {
    await logIn(page, { next: "/admins" });
    await page.getByLabel("Username").fill("operator");
    await page.getByLabel("Full name (optional)").fill("Olga Operator");
    await page.getByLabel("First password").fill("operator-first-pw-1");
    await page.getByRole("button", { name: "Add admin" }).click();

    await expect(page.getByRole("main").getByRole("status")).toHaveText('Added admin "operator".');
    const row = page.getByRole("table", { name: "Admins" }).getByRole("row", { name: /operator/ });
    await expect(row).toContainText("Olga Operator");
    await expect(row).toContainText("Must change");
    await snap(page, "admins");

    const other = await browser.newContext({ baseURL: new URL(page.url()).origin });
    const operator = await other.newPage();
    await logIn(operator, { username: "operator", password: "operator-first-pw-1" });
    await expect(operator).toHaveURL(/\/account\/password$/);
    await other.close();
  });

  test("a username already taken is refused with the server's message", async ({ page }) => {
    await logIn(page, { next: "/admins" });
    await page.getByLabel("Username").fill("operator");
    await page.getByLabel("First password").fill("another-password-1");
    await page.getByRole("button", { name: "Add admin" }).click();

    await expect(formAlert(page)).toHaveText("Admin 'operator' already exists");
    await expect(page.getByLabel("Username")).toHaveValue("operator");
  });

  test("a short first password is refused inline", async ({ page }) => {
    await logIn(page, { next: "/admins" });
    await page.getByLabel("Username").fill("shorty");
    await page.getByLabel("First password").fill("short");
    await page.getByRole("button", { name: "Add admin" }).click();

    await expect(page.getByText("Password must be at least 12 characters")).toBeVisible();
    await expect(page.getByRole("table", { name: "Admins" }).getByRole("row")).toHaveCount(3);
  });
});
