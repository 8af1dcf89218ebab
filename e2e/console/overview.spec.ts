import { apiToken, expect, logIn, painted, snap, test, useConsoleServer } from "./fixtures";

const consoleServer = useConsoleServer();

// What the agent itself sends when its state changes.
async function reportAgent(status: string) {
  const { url } = consoleServer().server;
  const reported = await fetch(`${url}/api/v1/agent/status`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${await apiToken(url)}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({ status }),
  });
  expect(reported.status).toBe(200);
}

function isRed({ r, g, b }: { r: number; g: number; b: number }) {
  return r > 180 && g < 110 && b < 110;
}

test.describe("overview", () => {
  test("with the provider up every status and check is healthy", async ({ page }) => {
    consoleServer().provider.setMode("up");
    await logIn(page);

    await expect(page.getByRole("region", { name: "Liveness" })).toContainText("Alive");
    await expect(page.getByRole("region", { name: "Readiness" })).toContainText("Ready");
    await expect(page.getByRole("region", { name: "Agent" })).toContainText("not started");
    for (const check of ["Database", "LLM provider"]) {
      const row = page.getByRole("listitem", { name: check });
      await expect(row).toContainText("Healthy");
      await expect(row).toContainText(/\d+(\.\d)? ms/);
    }
    await expect(page.getByRole("img", { name: /Readiness check latency/ })).toBeVisible();
    await snap(page, "overview");
  });

  test("the overview follows the system's dark mode and fits a phone", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page);
    await expect(page.getByRole("region", { name: "Readiness" })).toBeVisible();

    const { r, g, b } = await painted(page.locator("body"), "background-color");
    expect(Math.max(r, g, b)).toBeLessThan(60);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await snap(page, "overview-dark-phone");
  });

  test("a provider going down turns its check red with the error", async ({ page }) => {
    const { provider } = consoleServer();
    provider.setMode("up");
    await logIn(page);
    const row = page.getByRole("listitem", { name: "LLM provider" });
    await expect(row).toContainText("Healthy");

    provider.setMode("down");
    await expect(row).toContainText("Unhealthy", { timeout: 15_000 });
    await expect(row).toContainText("Provider answered HTTP 502");
    expect(isRed(await painted(row, "border-top-color"))).toBe(true);
    expect(isRed(await painted(row.getByText("Unhealthy"), "background-color"))).toBe(true);
    const healthy = page.getByRole("listitem", { name: "Database" });
    expect(isRed(await painted(healthy, "border-top-color"))).toBe(false);
    await expect(page.getByRole("region", { name: "Readiness" })).toContainText("Not ready");
    await expect(page.getByRole("listitem", { name: "Database" })).toContainText("Healthy");
    await expect(page.locator("svg rect.fill-red-600").first()).toBeVisible();
    await snap(page, "overview-provider-down");

    provider.setMode("up");
    await expect(row).toContainText("Healthy", { timeout: 15_000 });
    await expect(page.getByRole("region", { name: "Readiness" })).toContainText("Ready");
    await snap(page, "overview-recovered");
  });

  test("a provider that never answers shows the timeout as its error", async ({ page }) => {
    const { provider } = consoleServer();
    provider.setMode("hang");
    await logIn(page);

    const row = page.getByRole("listitem", { name: "LLM provider" });
    await expect(row).toContainText("No answer within 500 ms");
    provider.setMode("up");
  });

  test("the agent's reported status appears on its own", async ({ page }) => {
    await logIn(page);
    await expect(page.getByRole("region", { name: "Agent" })).toContainText("not started");

    await reportAgent("running");

    const agent = page.getByRole("region", { name: "Agent" });
    await expect(agent).toContainText("running", { timeout: 15_000 });
    await expect(agent).not.toContainText("Last activity: never");
  });

  test("a running agent silent for over five minutes is marked stale", async ({ page }) => {
    await reportAgent("running");
    await page.clock.install();
    await logIn(page);
    const agent = page.getByRole("region", { name: "Agent" });
    await expect(agent).toContainText(/Last activity: .*, \d+ s ago$/, { timeout: 15_000 });
    await expect(agent.getByText("running", { exact: true })).toBeVisible();

    await page.clock.setSystemTime(Date.now() + 10 * 60_000);

    await expect(agent).toContainText("running (stale)", { timeout: 15_000 });
    await expect(agent).toContainText(/1\d min ago: no word since, stale/);
    const { r, g, b } = await painted(agent.getByText("running (stale)"), "background-color");
    expect(r).toBeGreaterThanOrEqual(g);
    expect(r - b).toBeGreaterThan(30);
  });
});
