import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
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

export async function logIn(page: Page, { username = "admin", password = ADMIN_PASSWORD, next }: Login = {}) {
  await page.goto(next === undefined ? "/login" : `/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

// The form's own message (Next's route announcer is an empty alert too).
export function formAlert(page: Page) {
  return page.getByRole("main").getByRole("alert");
}

// Full-page screenshots under test-results/console/screenshots/.
export async function snap(page: Page, name: string) {
  const dir = join(test.info().project.outputDir, "screenshots");
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
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
