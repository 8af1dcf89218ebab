import type { Page } from "@playwright/test";
import { apiToken, expect, formAlert, logIn, snap, test, useConsoleServer } from "./fixtures";

const consoleServer = useConsoleServer();

type Persona = { id: string; name: string };

async function api<T>(path: string): Promise<T> {
  const { url } = consoleServer().server;
  const response = await fetch(url + path, {
    headers: { authorization: `Bearer ${await apiToken(url)}` },
  });
  expect(response.status).toBe(200);

  return (await response.json()) as T;
}

async function post(path: string, json: unknown) {
  const { url } = consoleServer().server;
  const response = await fetch(url + path, {
    method: "POST",
    headers: {
      authorization: `Bearer ${await apiToken(url)}`,
      "content-type": "application/json",
    },
    body: JSON.stringify(json),
  });
  expect(response.status).toBe(200);
}

async function personaId(name: string) {
  const { personas } = await api<{ personas: Persona[] }>("/api/v1/personas");
  const persona = personas.find((p) => p.name === name);
  expect(persona, `persona ${name}`).toBeDefined();

  return persona!.id;
}

async function storedConfig(name: string) {
  const path = `/api/v1/settings?persona_id=${await personaId(name)}`;

  return (await api<{ config: Record<string, unknown> }>(path)).config;
}

async function openSettings(page: Page, name: string) {
  await logIn(page, { next: "/personas" });
  await page.getByRole("link", { name: `Settings of ${name}` }).click();
  await expect(page.getByRole("heading", { name: `Settings: ${name}` })).toBeVisible();
}

async function addTag(page: Page, field: string, text: string) {
  await page.getByLabel(field, { exact: true }).fill(text);
  await page.getByLabel(field, { exact: true }).press("Enter");
}

const status = (page: Page) => page.getByRole("main").getByRole("status");
const saved = (page: Page) => status(page).filter({ hasText: "Settings saved." });

test.describe.configure({ mode: "serial" });

test.describe("personas", () => {
  test("the personas page lists the seeded persona", async ({ page }) => {
    await logIn(page, { next: "/personas" });

    const table = page.getByRole("table", { name: "Personas" });
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table).toContainText("default");
  });

  test("creating a persona adds it to the list", async ({ page }) => {
    await logIn(page, { next: "/personas" });
    await page.getByLabel("Name").fill("support-bot");
    await page.getByLabel("Description (optional)").fill("Answers questions in r/typescript");
    await page.getByRole("button", { name: "Create persona" }).click();

    await expect(status(page)).toHaveText('Created persona "support-bot".');
    const table = page.getByRole("table", { name: "Personas" });
    const row = table.getByRole("row", { name: /support-bot/ });
    await expect(row).toContainText("Answers questions");
    await expect(page.getByLabel("Name")).toHaveValue("");
    await snap(page, "personas");
  });

  test("a taken name gets the server's refusal and keeps the input", async ({ page }) => {
    await logIn(page, { next: "/personas" });
    await page.getByLabel("Name").fill("support-bot");
    await page.getByLabel("Description (optional)").fill("second try");
    await page.getByRole("button", { name: "Create persona" }).click();

    await expect(formAlert(page)).toHaveText("Persona 'support-bot' already exists");
    await expect(page.getByLabel("Name")).toHaveValue("support-bot");
    await expect(page.getByLabel("Description (optional)")).toHaveValue("second try");
  });

  test("a name with spaces is refused inline", async ({ page }) => {
    await logIn(page, { next: "/personas" });
    await page.getByLabel("Name").fill("two words");
    await page.getByRole("button", { name: "Create persona" }).click();

    const message = page.getByText("Name may use letters, digits, '.', '_' and '-'");
    await expect(message.last()).toBeVisible();
    await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("table", { name: "Personas" }).getByRole("row")).toHaveCount(3);
  });

  test("every kind of setting can be edited and is saved", async ({ page }) => {
    await openSettings(page, "support-bot");
    expect(await storedConfig("support-bot")).toEqual({});

    await page.getByRole("switch", { name: "Automatic posting" }).check();
    await page.getByRole("switch", { name: "Require approval" }).check();
    await page.getByLabel("Posts per day, at most").fill("5");
    await page.getByLabel("Comments per day, at most").fill("20");
    await page.getByLabel("Minutes between posts").fill("30");
    await addTag(page, "Subreddits", "r/typescript");
    await addTag(page, "Subreddits", "nextjs");
    await addTag(page, "Subreddits", "remove_me");
    await page.getByRole("button", { name: "Remove subreddit remove_me" }).click();
    await addTag(page, "Blocked keywords", "crypto");
    await page.getByLabel("From").fill("09:00");
    await page.getByLabel("Until").fill("17:30");
    await page.getByLabel("Time zone").selectOption("Europe/Berlin");
    await page.getByLabel("Model", { exact: true }).fill("openai/gpt-4o-mini");
    await page.getByLabel("Temperature").fill("0.7");
    await page.getByLabel("Daily LLM budget (USD)").fill("2.5");
    await page.getByLabel("Tone").fill("  Friendly and brief.  ");
    await page.getByRole("button", { name: "Save settings" }).click();

    await expect(saved(page)).toBeVisible();
    await expect(page.getByLabel("Tone")).toHaveValue("Friendly and brief.");
    await snap(page, "persona-settings");
    const expected = {
      auto_posting_enabled: true,
      require_approval: true,
      max_posts_per_day: 5,
      max_comments_per_day: 20,
      posting_interval_minutes: 30,
      target_subreddits: ["typescript", "nextjs"],
      blocked_keywords: ["crypto"],
      active_hours: { start: "09:00", end: "17:30", timezone: "Europe/Berlin" },
      llm_model: "openai/gpt-4o-mini",
      llm_temperature: 0.7,
      daily_llm_budget_usd: 2.5,
      persona_tone: "Friendly and brief.",
    };
    expect(await storedConfig("support-bot")).toEqual(expected);

    await page.reload();
    await expect(page.getByRole("switch", { name: "Automatic posting" })).toBeChecked();
    await expect(page.getByLabel("Posts per day, at most")).toHaveValue("5");
    const subreddits = page.getByRole("list", { name: "subreddit list" });
    await expect(subreddits).toHaveText(/typescript.*nextjs/);
    await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
    await expect(page.getByLabel("Until")).toHaveValue("17:30");
  });

  test("a switch turned off is saved as off", async ({ page }) => {
    await openSettings(page, "support-bot");
    await page.getByRole("switch", { name: "Automatic posting" }).press("Space");
    await expect(page.getByRole("switch", { name: "Automatic posting" })).not.toBeChecked();
    await page.getByRole("button", { name: "Save settings" }).click();

    await expect(saved(page)).toBeVisible();
    expect((await storedConfig("support-bot")).auto_posting_enabled).toBe(false);
  });

  test("while a save runs the form is disabled and shows progress", async ({ page }) => {
    await openSettings(page, "support-bot");
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/personas/*", async (route) => {
      if (route.request().method() === "POST") {
        await held;
      }

      return route.continue();
    });

    await page.getByLabel("Posts per day, at most").fill("8");
    await page.getByRole("button", { name: "Save settings" }).click();

    await expect(page.getByRole("button", { name: "Saving…" })).toBeDisabled();
    await expect(page.getByLabel("Posts per day, at most")).toBeDisabled();
    await expect(page.getByRole("switch", { name: "Require approval" })).toBeDisabled();
    release();
    await expect(saved(page)).toBeVisible();
    await expect(page.getByLabel("Posts per day, at most")).toBeEnabled();
    expect((await storedConfig("support-bot")).max_posts_per_day).toBe(8);
  });

  test("out-of-bounds values are refused inline and nothing is saved", async ({ page }) => {
    await openSettings(page, "support-bot");
    const before = await storedConfig("support-bot");

    await page.getByLabel("Posts per day, at most").fill("1000");
    await page.getByLabel("Comments per day, at most").fill("2.5");
    await addTag(page, "Subreddits", "no!");
    await page.getByLabel("Model", { exact: true }).fill("not a model id");
    await page.getByRole("button", { name: "Save settings" }).click();

    await expect(formAlert(page)).toHaveText("Not saved: please correct the marked settings.");
    await expect(page.getByText("Too big: expected number to be <=100")).toBeVisible();
    await expect(page.getByText(/expected int/i)).toBeVisible();
    await expect(page.getByText('"no!": Not a valid subreddit name')).toBeVisible();
    await expect(page.getByText("Expected a model id like provider/model")).toBeVisible();
    await expect(page.getByLabel("Posts per day, at most")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Posts per day, at most")).toHaveValue("1000");
    await snap(page, "persona-settings-invalid");
    expect(await storedConfig("support-bot")).toEqual(before);
  });

  test("a half-filled time window names what is missing", async ({ page }) => {
    await openSettings(page, "support-bot");
    await page.getByLabel("Time zone").selectOption("");
    await page.getByRole("button", { name: "Save settings" }).click();

    await expect(page.getByText("Not an IANA time zone")).toBeVisible();
  });

  test("a server refusal is shown and the form keeps its values", async ({ page }) => {
    await openSettings(page, "support-bot");
    const before = await storedConfig("support-bot");
    // Stands in for a client whose checks differ from the server's: the value
    // passes in the browser and is changed on its way to the server.
    await page.route("**/personas/*", async (route) => {
      const body = route.request().postData();
      if (route.request().method() !== "POST" || !body) {
        return route.continue();
      }

      const postData = body.replace('"max_posts_per_day":7', '"max_posts_per_day":7000');

      return route.continue({ postData });
    });

    await page.getByLabel("Posts per day, at most").fill("7");
    await page.getByLabel("Tone").fill("Curious.");
    await page.getByRole("button", { name: "Save settings" }).click();

    await expect(formAlert(page)).toHaveText(/^Not saved: max_posts_per_day: Too big/);
    await expect(page.getByLabel("Posts per day, at most")).toHaveValue("7");
    await expect(page.getByLabel("Tone")).toHaveValue("Curious.");
    await expect(page.getByText("Unsaved changes")).toBeVisible();
    expect(await storedConfig("support-bot")).toEqual(before);
  });

  test("the settings page of an unknown persona is not found", async ({ page }) => {
    await logIn(page);
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await page.goto("/personas/00000000-0000-4000-8000-000000000000");

    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });

  test("emptying a number, the tone and the time window removes them", async ({ page }) => {
    await openSettings(page, "support-bot");
    await page.getByLabel("Posts per day, at most").fill("");
    await page.getByLabel("Tone").fill("");
    await page.getByLabel("From").fill("");
    await page.getByLabel("Until").fill("");
    await page.getByLabel("Time zone").selectOption("");
    await page.getByRole("button", { name: "Save settings" }).click();

    await expect(saved(page)).toBeVisible();
    const stored = await storedConfig("support-bot");
    expect(stored).not.toHaveProperty("max_posts_per_day");
    expect(stored).not.toHaveProperty("persona_tone");
    expect(stored).not.toHaveProperty("active_hours");
    expect(stored).toHaveProperty("llm_model", "openai/gpt-4o-mini");
    await page.reload();
    await expect(page.getByLabel("Posts per day, at most")).toHaveValue("");
    await expect(page.getByLabel("Tone")).toHaveValue("");
  });

  test("saving an untouched form stores nothing", async ({ page }) => {
    await logIn(page, { next: "/personas" });
    await page.getByLabel("Name").fill("untouched");
    await page.getByRole("button", { name: "Create persona" }).click();
    await expect(status(page)).toHaveText('Created persona "untouched".');
    await page.getByRole("link", { name: "Settings of untouched" }).click();
    await page.getByRole("button", { name: "Save settings" }).click();

    await expect(saved(page)).toBeVisible();
    expect(await storedConfig("untouched")).toEqual({});
  });

  test("a keyword typed but not added with Enter is saved too", async ({ page }) => {
    await openSettings(page, "untouched");
    await page.getByLabel("Blocked keywords", { exact: true }).fill("casino");
    await page.getByRole("button", { name: "Save settings" }).click();

    await expect(saved(page)).toBeVisible();
    expect(await storedConfig("untouched")).toEqual({ blocked_keywords: ["casino"] });
    await expect(page.getByRole("list", { name: "keyword list" })).toHaveText(/casino/);
  });

  test("a stored time zone missing from the list is still shown", async ({ page }) => {
    const hours = { start: "08:00", end: "12:00", timezone: "Etc/GMT+5" };
    await post("/api/v1/settings", {
      persona_id: await personaId("untouched"),
      key: "active_hours",
      value: hours,
    });
    await openSettings(page, "untouched");

    await expect(page.getByLabel("Time zone")).toHaveValue("Etc/GMT+5");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(saved(page)).toBeVisible();
    expect((await storedConfig("untouched")).active_hours).toEqual(hours);
  });
});
