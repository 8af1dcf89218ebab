import { encode } from "next-auth/jwt";
import { TEST_SECRET } from "../support/server";
import { ADMIN_PASSWORD, apiToken, expect, logIn, test, useConsoleServer } from "./fixtures";

const consoleServer = useConsoleServer();

const COOKIE = "authjs.session-token";

// A session cookie as the console would issue it, signed with the server's secret.
async function sessionCookie(maxAge: number, ver = 1) {
  const value = await encode({
    token: { sub: "admin", name: "admin", ver },
    secret: TEST_SECRET,
    salt: COOKIE,
    maxAge,
  });
  const { hostname } = new URL(consoleServer().server.url);

  return { name: COOKIE, value, domain: hostname, path: "/", sameSite: "Lax" as const };
}

test.describe.configure({ mode: "serial" });

test.describe("console sessions", () => {
  test("a valid session cookie opens the console", async ({ page }) => {
    await page.context().addCookies([await sessionCookie(600)]);
    await page.goto("/personas");

    await expect(page.getByRole("heading", { name: "Personas", exact: true })).toBeVisible();
  });

  test("an expired session cookie sends the visitor to log in", async ({ page }) => {
    await page.context().addCookies([await sessionCookie(-60)]);
    await page.goto("/personas");

    await expect(page).toHaveURL(/\/login\?next=%2Fpersonas$/);
  });

  test("a cookie from an older session version is refused", async ({ page }) => {
    await page.context().addCookies([await sessionCookie(600, 0)]);
    await page.goto("/personas");

    await expect(page).toHaveURL(/\/login\?next=%2Fpersonas$/);
  });

  test("a password change through the API ends the console session", async ({ page }) => {
    const { url } = consoleServer().server;
    await logIn(page, { next: "/personas" });
    await expect(page.getByRole("heading", { name: "Personas", exact: true })).toBeVisible();

    const token = await apiToken(url);
    const changed = await fetch(`${url}/api/v1/auth/password`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        current_password: ADMIN_PASSWORD,
        new_password: "changed-through-api-1",
      }),
    });
    expect(changed.status).toBe(200);

    await page.reload();
    await expect(page).toHaveURL(/\/login\?next=%2Fpersonas$/);
  });
});
