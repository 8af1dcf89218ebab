import { ADMIN_PASSWORD, expect, formAlert, logIn, snap, test, useConsoleServer } from "./fixtures";

const consoleServer = useConsoleServer();

test.describe("console login", () => {
  for (const path of ["/", "/personas", "/admins", "/account/password"]) {
    test(`a signed-out visitor to ${path} is sent to the login page`, async ({ page }) => {
      await page.goto(path);

      const expected = path === "/" ? "/login" : `/login?next=${encodeURIComponent(path)}`;
      await expect(page).toHaveURL(consoleServer().server.url + expected);
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    });
  }

  test("the right username and password open the overview", async ({ page }) => {
    await page.goto("/login");
    await snap(page, "login");
    await logIn(page);

    await expect(page).toHaveURL(`${consoleServer().server.url}/`);
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await expect(page.getByText("Signed in as")).toContainText("admin");
  });

  test("the session is an httpOnly cookie that lasts as long as an API token", async ({ page }) => {
    await logIn(page);
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === "authjs.session-token");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    // ACCESS_TOKEN_EXPIRE_MINUTES defaults to 60.
    const minutesLeft = (session!.expires * 1000 - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(58);
    expect(minutesLeft).toBeLessThanOrEqual(60);
  });

  test("a wrong password and an unknown user get the same message", async ({ page }) => {
    await logIn(page, { password: "not-the-password" });
    await expect(formAlert(page)).toHaveText("Incorrect username or password.");
    await expect(page.getByLabel("Username")).toHaveValue("admin");
    await snap(page, "login-refused");

    await logIn(page, { username: "nobody", password: ADMIN_PASSWORD });
    await expect(formAlert(page)).toHaveText("Incorrect username or password.");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("after a refused login the focus is on the message", async ({ page }) => {
    await logIn(page, { password: "not-the-password" });

    await expect(formAlert(page)).toHaveText("Incorrect username or password.");
    await expect(page.locator(":focus")).toHaveText("Incorrect username or password.");
  });

  test("the query string of the page asked for survives the login", async ({ page }) => {
    await page.goto("/personas?x=1&y=two");
    await expect(page).toHaveURL(/\/login\?next=%2Fpersonas%3Fx%3D1%26y%3Dtwo$/);

    await page.getByLabel("Username").fill("admin");
    await page.getByLabel("Password").fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page).toHaveURL(`${consoleServer().server.url}/personas?x=1&y=two`);
  });

  test("after logging in the visitor is back on the page they asked for", async ({ page }) => {
    await page.goto("/personas");
    await expect(page).toHaveURL(/\/login\?next=%2Fpersonas$/);

    await page.getByLabel("Username").fill("admin");
    await page.getByLabel("Password").fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page).toHaveURL(`${consoleServer().server.url}/personas`);
    await expect(page.getByRole("heading", { name: "Personas", exact: true })).toBeVisible();
  });

  const offSite = [
    "//evil.example/",
    "/\\evil.example",
    "https://evil.example/",
    "javascript:alert(document.domain)",
    "%2F%2Fevil.example",
    "http:evil.example",
  ];
  for (const next of offSite) {
    test(`a login with next=${next} stays on this site`, async ({ page }) => {
      const offSiteRequests: string[] = [];
      await page.route((url) => url.hostname !== "127.0.0.1", (route) => {
        offSiteRequests.push(route.request().url());

        return route.abort();
      });

      await logIn(page, { next });

      await expect(page).toHaveURL(`${consoleServer().server.url}/`);
      await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
      expect(offSiteRequests).toEqual([]);
    });
  }

  test("a signed-in visitor to /login goes straight on to `next`", async ({ page }) => {
    await logIn(page);
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

    await page.goto("/login?next=%2Fadmins");
    await expect(page).toHaveURL(`${consoleServer().server.url}/admins`);
  });

  test("logging out ends the session", async ({ page }) => {
    await logIn(page);
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    const cookies = await page.context().cookies();
    expect(cookies.filter((cookie) => cookie.name.includes("session-token"))).toEqual([]);

    await page.goto("/personas");
    await expect(page).toHaveURL(/\/login\?next=%2Fpersonas$/);
  });

  test("logging out everywhere ends a copied session cookie", async ({ page, browser }) => {
    await logIn(page);
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    const copied = await page.context().cookies();

    await page.goto("/account/password");
    await page.getByRole("button", { name: "Log out everywhere" }).click();
    await expect(page).toHaveURL(/\/login$/);

    const elsewhere = await browser.newContext({ baseURL: consoleServer().server.url });
    await elsewhere.addCookies(copied);
    const other = await elsewhere.newPage();
    await other.goto("/personas");
    await expect(other).toHaveURL(/\/login\?next=%2Fpersonas$/);
    await elsewhere.close();
  });
});
