import { describe, expect, it } from "vitest";
import { call, callJson, useApi } from "./support/http";

const api = useApi();

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("GET /api/v1/personas", () => {
  it("lists the seeded default persona with its id", async () => {
    const { status, body } = await callJson(api.server, "/api/v1/personas", { token: api.token });

    expect(status).toBe(200);
    expect(body.personas[0]).toEqual({
      id: expect.stringMatching(uuid),
      name: "default",
      description: "",
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it("refuses a caller without a token", async () => {
    const response = await call(api.server, "/api/v1/personas");

    expect(response.status).toBe(401);
  });
});

describe("POST /api/v1/personas", () => {
  it("creates a persona and answers 201 with it", async () => {
    const json = { name: "support-bot", description: "Answers questions" };
    const { status, body } = await callJson(api.server, "/api/v1/personas", {
      token: api.token,
      json,
    });

    expect(status).toBe(201);
    expect(body).toMatchObject({ name: "support-bot", description: "Answers questions" });
    expect(body.id).toMatch(uuid);
  });

  it("lists a created persona after the older ones", async () => {
    await callJson(api.server, "/api/v1/personas", {
      token: api.token,
      json: { name: "listed-later" },
    });
    const { body } = await callJson(api.server, "/api/v1/personas", { token: api.token });
    const names = body.personas.map((persona: { name: string }) => persona.name);

    expect(names[0]).toBe("default");
    expect(names).toContain("listed-later");
  });

  it("gives a new persona an empty config", async () => {
    const created = await callJson(api.server, "/api/v1/personas", {
      token: api.token,
      json: { name: "blank" },
    });
    const path = `/api/v1/settings?persona_id=${created.body.id}`;
    const { body } = await callJson(api.server, path, { token: api.token });

    expect(body).toEqual({ persona_id: created.body.id, config: {} });
  });

  it("answers 409 for a name that is taken", async () => {
    const { status, body } = await callJson(api.server, "/api/v1/personas", {
      token: api.token,
      json: { name: "default" },
    });

    expect(status).toBe(409);
    expect(body).toEqual({ detail: "Persona 'default' already exists" });
  });

  it.each(["Default", "DEFAULT"])("answers 409 for %s, a taken name in capitals", async (name) => {
    const { status, body } = await callJson(api.server, "/api/v1/personas", {
      token: api.token,
      json: { name },
    });

    expect(status).toBe(409);
    expect(body).toEqual({ detail: `Persona '${name}' already exists` });
  });

  it.each([
    ["an empty name", { name: "" }],
    ["a name with spaces", { name: "two words" }],
    ["a name with a slash", { name: "a/b" }],
    ["a name with an emoji", { name: "bot🤖" }],
    ["a name of 65 characters", { name: "x".repeat(65) }],
    ["a name with a NUL", { name: "bot\u0000" }],
    ["a name with a right-to-left override", { name: "\u202Ebot" }],
    ["a number for a name", { name: 42 }],
    ["no name at all", {}],
    ["a description of 501 characters", { name: "long-description", description: "d".repeat(501) }],
  ])("answers 400 for %s", async (_, json) => {
    const { status, body } = await callJson(api.server, "/api/v1/personas", {
      token: api.token,
      json,
    });

    expect(status).toBe(400);
    expect(body.detail).toMatch(/name|description/i);
  });

  it("refuses a caller without a token", async () => {
    const response = await call(api.server, "/api/v1/personas", { json: { name: "sneaky" } });

    expect(response.status).toBe(401);
  });
});
