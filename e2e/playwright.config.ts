import { defineConfig } from "@playwright/test";

// Debian's Chromium (`apt-get install chromium`): the binary itself, not the
// /usr/bin wrapper script. No browser is ever downloaded.
const chromium = process.env.CHROMIUM_PATH || "/usr/lib/chromium/chromium";

export default defineConfig({
  testDir: "console",
  outputDir: "../test-results/console",
  // Builds once when the sources are newer than the last production build.
  globalSetup: "./support/global-setup.ts",
  // Each spec file starts its own server and database; one at a time suits
  // a small machine.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath: chromium,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
});
