import { describe, expect, it } from "vitest";
import { settingCases } from "@/lib/settings/setting-cases";
import { call, callJson, useApi } from "./support/http";

const api = useApi({
  TARGET_SUBREDDITS: '["test", "bottest"]',
  AUTO_POSTING_ENABLED: "false",
});

const settingsOf = (id: string) =>
  callJson(api.server, `/api/v1/settings?persona_id=${id}`, { token: api.token });
const setSetting = (json: unknown) =>
  callJson(api.server, "/api/v1/settings", { token: api.token, json });

async function newPersona(name: string) {
  const { body } = await callJson(api.server, "/api/v1/personas", {
    token: api.token,
    json: { name },
  });

  return body.id as string;
}

describe("GET /api/v1/settings", () => {
  it("shows the default persona's config seeded from the environment", async () => {
    const { status, body } = await settingsOf(api.personaId);

    expect(status).toBe(200);
    expect(body).toEqual({
      persona_id: api.personaId,
      config: { target_subreddits: ["test", "bottest"], auto_posting_enabled: false },
    });
  });

  it("shows an empty config for a persona with no settings", async () => {
    const id = await newPersona("empty-config");

    expect((await settingsOf(id)).body).toEqual({ persona_id: id, config: {} });
  });

  it("answers 404 for a persona that does not exist", async () => {
    const { status, body } = await settingsOf("0e2c6c1f-8c5b-4c3b-9b8e-2f1a3b4c5d6e");

    expect(status).toBe(404);
    expect(body).toEqual({ detail: "Persona not found" });
  });

  it.each(["not-a-uuid", "", "1%27%20OR%201%3D1", "%00", "%F0%9F%A4%96"])(
    "answers 400 for the malformed persona id %j",
    async (id) => {
      const { status, body } = await settingsOf(id);

      expect(status).toBe(400);
      expect(body).toEqual({ detail: "persona_id must be a UUID" });
    },
  );

  it("answers 400 saying persona_id is required when it is missing", async () => {
    const { status, body } = await callJson(api.server, "/api/v1/settings", { token: api.token });

    expect(status).toBe(400);
    expect(body).toEqual({ detail: "persona_id is required" });
  });

  it("refuses a caller without a token", async () => {
    const response = await call(api.server, `/api/v1/settings?persona_id=${api.personaId}`);

    expect(response.status).toBe(401);
  });
});

describe("POST /api/v1/settings", () => {
  it("answers the runbook's update shape", async () => {
    const json = { persona_id: api.personaId, key: "auto_posting_enabled", value: true };
    const { status, body } = await setSetting(json);

    expect(status).toBe(200);
    expect(body).toEqual({ ...json, updated: true });
    expect((await settingsOf(api.personaId)).body.config.auto_posting_enabled).toBe(true);
  });

  it("answers 400 saying persona_id is required when the body lacks it", async () => {
    const { status, body } = await setSetting({ key: "auto_posting_enabled", value: true });

    expect(status).toBe(400);
    expect(body.detail).toContain("persona_id is required");
    expect(body.detail).not.toContain("UUID");
  });

  it("refuses the runbook's unsafe key with its exact message", async () => {
    const json = { persona_id: api.personaId, key: "admin_password", value: "hack" };
    const { status, body } = await setSetting(json);

    expect(status).toBe(400);
    expect(body).toEqual({ detail: "Setting key 'admin_password' is not allowed" });
  });

  it("overwrites an earlier value of the same key", async () => {
    await setSetting({ persona_id: api.personaId, key: "max_posts_per_day", value: 3 });
    await setSetting({ persona_id: api.personaId, key: "max_posts_per_day", value: 7 });

    expect((await settingsOf(api.personaId)).body.config.max_posts_per_day).toBe(7);
  });

  it("answers 404 for a persona that does not exist", async () => {
    const json = { persona_id: "0e2c6c1f-8c5b-4c3b-9b8e-2f1a3b4c5d6e", key: "require_approval" };
    const { status } = await setSetting({ ...json, value: true });

    expect(status).toBe(404);
  });

  it("answers 400 for a malformed persona id", async () => {
    const { status, body } = await setSetting({
      persona_id: "x",
      key: "require_approval",
      value: true,
    });

    expect(status).toBe(400);
    expect(body.detail).toContain("persona_id");
  });

  it.each([
    ["no key", { persona_id: "PERSONA", value: true }],
    ["no persona_id", { key: "require_approval", value: true }],
    ["a numeric key", { persona_id: "PERSONA", key: 7, value: true }],
    ["a numeric persona_id", { persona_id: 7, key: "require_approval", value: true }],
  ])("answers 400 for a body with %s", async (_, json: Record<string, unknown>) => {
    const withId = json.persona_id === "PERSONA" ? { ...json, persona_id: api.personaId } : json;
    const { status, body } = await setSetting(withId);

    expect(status).toBe(400);
    expect(body.detail).toMatch(/key|persona_id/);
  });

  it("refuses a caller without a token", async () => {
    const json = { persona_id: api.personaId, key: "require_approval", value: true };
    const response = await call(api.server, "/api/v1/settings", { json });

    expect(response.status).toBe(401);
  });
});

describe.each(settingCases)(
  "the $key setting over HTTP",
  ({ key, good, wrongType, outOfBounds }) => {
    it("is stored and read back when the value is good", async () => {
      const value = good.at(-1);
      const { status, body } = await setSetting({ persona_id: api.personaId, key, value });

      expect(status).toBe(200);
      expect(body.value).toEqual(value);
      expect((await settingsOf(api.personaId)).body.config[key]).toEqual(value);
    });

    it("is refused with a 400 naming the key when the type is wrong", async () => {
      const { status, body } = await setSetting({
        persona_id: api.personaId,
        key,
        value: wrongType[0],
      });

      expect(status).toBe(400);
      expect(body.detail).toMatch(new RegExp(`^Invalid value for '${key}': .*expected`));
    });

    it.runIf(outOfBounds.length > 0)(
      "is refused with a 400 naming the bound it breaks",
      async () => {
        const [value, words] = outOfBounds[0];
        const { status, body } = await setSetting({ persona_id: api.personaId, key, value });

        expect(status).toBe(400);
        expect(body.detail).toContain(`Invalid value for '${key}'`);
        expect(body.detail).toContain(words);
      },
    );

    it("leaves the stored value unchanged when a write is refused", async () => {
      const before = (await settingsOf(api.personaId)).body.config;
      await setSetting({ persona_id: api.personaId, key, value: wrongType[0] });

      expect((await settingsOf(api.personaId)).body.config).toEqual(before);
    });
  },
);

describe("persona isolation", () => {
  it("never shows one persona's settings in another's", async () => {
    const first = await newPersona("isolated-one");
    const second = await newPersona("isolated-two");
    await setSetting({ persona_id: first, key: "persona_tone", value: "only mine" });
    await setSetting({ persona_id: second, key: "max_posts_per_day", value: 2 });

    expect((await settingsOf(first)).body.config).toEqual({ persona_tone: "only mine" });
    expect((await settingsOf(second)).body.config).toEqual({ max_posts_per_day: 2 });
  });

  it("keeps the same key apart between personas", async () => {
    const first = await newPersona("same-key-one");
    const second = await newPersona("same-key-two");
    await setSetting({ persona_id: first, key: "llm_temperature", value: 0.1 });
    await setSetting({ persona_id: second, key: "llm_temperature", value: 1.9 });

    expect((await settingsOf(first)).body.config.llm_temperature).toBe(0.1);
    expect((await settingsOf(second)).body.config.llm_temperature).toBe(1.9);
  });
});
