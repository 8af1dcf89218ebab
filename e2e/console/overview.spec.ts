import type { Locator } from "@playwright/test";
import { apiToken, expect, logIn, snap, test, useConsoleServer } from "./fixtures";

const consoleServer = useConsoleServer();

// The colour a CSS property paints, as sRGB: Chromium reports Tailwind's
// colours as lab() or oklch(), so the browser itself converts them.
async function painted(locator: Locator, property: string) {
  return locator.evaluate((element, name) => {
    const context = document.createElement("canvas").getContext("2d", { willReadFrequently: true })!;
    context.fillStyle = getComputedStyle(element).getPropertyValue(name);
    context.fillRect(0, 0, 1, 1);
    const [r, g, b] = context.getImageData(0, 0, 1, 1).data;

    return { r, g, b };
  }, property);
}

function isRed({ r, g, b }: { r: number; g: number; b: number }) {
  return r > 180 && g < 110 && b < 110;
}

test.describe("overview", () => {
  test("with the provider up, liveness, readiness and every check are healthy", async ({ page }) => {
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

  test("when the provider goes down its check turns red with the error, without a reload", async ({ page }) => {
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
    const { server } = consoleServer();
    await logIn(page);
    await expect(page.getByRole("region", { name: "Agent" })).toContainText("not started");

    const reported = await fetch(`${server.url}/api/v1/agent/status`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${await apiToken(server.url)}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ status: "running" }),
    });
    expect(reported.status).toBe(200);

    await expect(page.getByRole("region", { name: "Agent" })).toContainText("running", { timeout: 15_000 });
    await expect(page.getByRole("region", { name: "Agent" })).not.toContainText("Last activity: never");
  });
});
