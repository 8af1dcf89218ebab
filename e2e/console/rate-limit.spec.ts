import { ADMIN_PASSWORD, expect, formAlert, logIn, snap, test, useConsoleServer } from "./fixtures";

const consoleServer = useConsoleServer({ RATE_LIMIT_AUTH: "3", RATE_LIMIT_WINDOW_SECONDS: "60" });

function apiLogin(url: string, password: string) {
  return fetch(`${url}/api/v1/auth/token`, {
    method: "POST",
    body: new URLSearchParams({ username: "someone", password }),
  });
}

test("console logins and API token requests share one budget per client", async ({ page }) => {
  const { url } = consoleServer().server;
  expect((await apiLogin(url, "wrong-1")).status).toBe(401);
  expect((await apiLogin(url, "wrong-2")).status).toBe(401);

  await logIn(page, { password: "wrong-3" });
  await expect(formAlert(page)).toHaveText("Incorrect username or password.");

  // Even the right password is refused now, with the time to wait.
  await logIn(page, { password: ADMIN_PASSWORD });
  await expect(formAlert(page)).toHaveText(/^Too many attempts\. Try again in \d+ seconds?\.$/);
  await expect(page).toHaveURL(/\/login$/);
  await snap(page, "login-rate-limited");

  const refused = await apiLogin(url, ADMIN_PASSWORD);
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
});
