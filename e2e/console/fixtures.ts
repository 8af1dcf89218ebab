import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { test as base, expect, type Locator, type Page } from "@playwright/test";
import { removeDir, startServer, type RunningServer } from "../support/server";
import { STUB_PROVIDER_KEY, startStubProvider, type StubProvider } from "../support/stub-provider";

export { expect };

export const ADMIN_PASSWORD = "console-test-password-1";

export type ConsoleServer = { server: RunningServer; provider: StubProvider };

let running: ConsoleServer | undefined;

// The browser reports refused requests (a 503 from readiness, a 404) as
// console errors too; those are answers, not faults of the page.
const expected = /^Failed to load resource: the server responded with a status of/;

// Pages open on the current spec file's server, and a test fails on any CSP
// violation, hydration mismatch, uncaught error or other console error.
export const test = base.extend({
  baseURL: async ({}, use) => {
    await use(running?.server.url);
  },
  page: async ({ page }, use) => {
    const problems = watchForProblems(page);
    await use(page);
    expect(problems, "CSP violations or errors in the browser").toEqual([]);
  },
});

export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && !expected.test(message.text())) {
      problems.push(message.text());
    }
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));

  return problems;
}

// A fresh server (own SQLite file) and stub LLM provider for one spec file.
// Unless told otherwise the seeded admin has ADMIN_PASSWORD, so no forced
// change, and the auth limit is high enough for many logins from 127.0.0.1.
export function useConsoleServer(env: Record<string, string> = {}): () => ConsoleServer {
  base.beforeAll(async () => {
    const provider = await startStubProvider();
    const server = await startServer({
      env: {
        OPENROUTER_BASE_URL: provider.url,
        OPENROUTER_API_KEY: STUB_PROVIDER_KEY,
        READINESS_TIMEOUT_MS: "500",
        ADMIN_PASSWORD,
        RATE_LIMIT_AUTH: "1000",
        RATE_LIMIT_DEFAULT: "1000",
        ...env,
      },
    });
    running = { server, provider };
  });

  // The server's log lines are kept beside the other artifacts of the run.
  base.afterAll(async ({}, testInfo) => {
    await running?.server.stop();
    if (running) {
      const dir = join(testInfo.project.outputDir, "server-logs");
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${basename(testInfo.file)}.log`), running.server.logs.join("\n"));
    }
    await running?.provider.close();
    if (running) {
      removeDir(running.server.dir);
    }
    running = undefined;
  });

  return () => {
    if (!running) {
      throw new Error("the console server is not running");
    }

    return running;
  };
}

type Login = { username?: string; password?: string; next?: string };

export async function logIn(page: Page, login: Login = {}) {
  const { username = "admin", password = ADMIN_PASSWORD, next } = login;
  await page.goto(next === undefined ? "/login" : `/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

// The form's own message (Next's route announcer is an empty alert too).
export function formAlert(page: Page) {
  return page.getByRole("main").getByRole("alert");
}

// Whole-page screenshots under test-results/console/screenshots/. The window
// is made as tall as the page first, so sticky bars sit where they belong.
export async function snap(page: Page, name: string) {
  const dir = join(test.info().project.outputDir, "screenshots");
  const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
  await page.screenshot({ path: join(dir, `${name}.png`) });
  await page.setViewportSize(viewport);
}

export async function apiToken(url: string, username = "admin", password = ADMIN_PASSWORD) {
  const response = await fetch(`${url}/api/v1/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username, password }),
  });
  expect(response.status, "API login").toBe(200);

  return ((await response.json()) as { access_token: string }).access_token;
}

// The colour a CSS property paints, as sRGB: Chromium reports Tailwind's
// colours as lab() or oklch(), so the browser itself converts them.
export async function painted(locator: Locator, property: string) {
  return locator.evaluate((element, name) => {
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true })!;
    context.fillStyle = getComputedStyle(element).getPropertyValue(name);
    context.fillRect(0, 0, 1, 1);
    const [r, g, b] = context.getImageData(0, 0, 1, 1).data;

    return { r, g, b };
  }, property);
}
