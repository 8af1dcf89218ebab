import { describe, expect, it } from "vitest";
import { call, useApi } from "./support/http";

const api = useApi();

const jsonRoutes = [
  "/api/v1/settings",
  "/api/v1/personas",
  "/api/v1/agent/status",
  "/api/v1/auth/password",
  "/api/v1/admins",
];

// Raw JSON texts, so that what JSON.stringify cannot write is sent too.
const oddBodies: [string, string][] = [
  ["an empty body", ""],
  ["null", "null"],
  ["an array", "[]"],
  ["a string", '"hello"'],
  ["a number too large for a double", "1e400"],
  ["true", "true"],
  ["broken JSON", '{"key": '],
  ["a __proto__ key", '{"__proto__": {"isAdmin": true}, "key": "__proto__", "value": {}}'],
  ["a constructor key", '{"constructor": {"prototype": {"x": 1}}}'],
  ["deep nesting", `${"[".repeat(5000)}${"]".repeat(5000)}`],
  [
    "unicode and a lone surrogate",
    '{"name": "\\ud800\\u0000😀", "key": "ключ", "value": "\\ud800"}',
  ],
  ["numbers in place of strings", '{"persona_id": 1e308, "key": 12, "status": 0, "name": -0}'],
  ["objects in place of strings", '{"persona_id": {}, "key": [], "current_password": {}}'],
  ["a BOM before null", "\ufeffnull"],
];

describe("odd JSON bodies", () => {
  it.each(jsonRoutes.flatMap((path) => oddBodies.map(([name, body]) => [path, name, body])))(
    "%s answers %s with a 4xx detail, never a 500",
    async (path, _, body) => {
      const response = await call(api.server, path, {
        token: api.token,
        body,
        headers: { "content-type": "application/json" },
      });

      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(typeof (await response.json()).detail).toBe("string");
    },
  );
});

describe("odd settings writes", () => {
  it.each([
    ["a huge integer", { key: "max_posts_per_day", value: 1e308 }],
    ["NaN written as a string", { key: "llm_temperature", value: "NaN" }],
    ["an enormous key", { key: "k".repeat(50_000), value: true }],
    ["a unicode key", { key: "auto_posting_enabled\u200b", value: true }],
    [
      "an object value with __proto__",
      { key: "active_hours", value: JSON.parse('{"__proto__": {}}') },
    ],
    [
      "subreddits given as an object",
      { key: "target_subreddits", value: { length: 1, 0: "test" } },
    ],
  ])("answers %s with a 400", async (_, json) => {
    const response = await call(api.server, "/api/v1/settings", {
      token: api.token,
      json: { persona_id: api.personaId, ...json },
    });

    expect(response.status).toBe(400);
  });

  it("never echoes more than a short prefix of a refused key", async () => {
    const key = "k".repeat(50_000);
    const response = await call(api.server, "/api/v1/settings", {
      token: api.token,
      json: { persona_id: api.personaId, key, value: true },
    });

    expect((await response.text()).length).toBeLessThan(500);
  });
});

describe("free text with characters that hide what it says", () => {
  const unsafe = [
    ["a NUL", "a\u0000b"],
    ["an escape sequence", "\u001b[2Jcleared"],
    ["a right-to-left override", "txt.\u202Eexe"],
    ["a first-strong isolate", "\u2068hidden\u2069"],
    ["a lone surrogate", "half \udfff"],
  ];
  // The persona id is known only once the server runs, so settings bodies are made late.
  const writes = (text: string): [string, () => unknown][] => [
    ["/api/v1/personas", () => ({ name: "odd-text", description: text })],
    [
      "/api/v1/admins",
      () => ({ username: "odd-text", full_name: text, password: "long-enough-pass" }),
    ],
    [
      "/api/v1/settings",
      () => ({ persona_id: api.personaId, key: "persona_tone", value: text }),
    ],
    [
      "/api/v1/settings",
      () => ({ persona_id: api.personaId, key: "blocked_keywords", value: [text] }),
    ],
  ];
  const cases = unsafe.flatMap(([name, text]) =>
    writes(text).map(([path, json]) => [name, path, json] as const),
  );

  it.each(cases)("answers %s in a write to %s with a 400", async (_, path, body) => {
    const response = await call(api.server, path, { token: api.token, json: body() });

    expect(response.status).toBe(400);
    expect((await response.json()).detail).toContain("Must not contain control characters");
  });
});

describe("odd query strings and tokens", () => {
  it.each([
    ["twice", `persona_id=${"a".repeat(8)}&persona_id=b`],
    ["bad percent-encoding", "persona_id=%E0%A4%A"],
    ["a very long id", `persona_id=${"9".repeat(10_000)}`],
    ["an uppercase uuid of no persona", "persona_id=0E2C6C1F-8C5B-4C3B-9B8E-2F1A3B4C5D6E"],
  ])("GET /api/v1/settings with persona_id %s answers a 4xx", async (_, query) => {
    const response = await call(api.server, `/api/v1/settings?${query}`, { token: api.token });

    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it("finds a persona by its id written in capitals", async () => {
    const response = await call(
      api.server,
      `/api/v1/settings?persona_id=${api.personaId.toUpperCase()}`,
      {
        token: api.token,
      },
    );

    expect(response.status).toBe(200);
    expect((await response.json()).persona_id).toBe(api.personaId);
  });

  it.each([
    ["non-latin bytes", "Bearer \u00ff\u00fe.\u00fd.\u00fc"],
    ["an 8 KB token", `Bearer ${"x".repeat(8000)}`],
  ])("an Authorization header with %s answers 401", async (_, authorization) => {
    const response = await call(api.server, "/api/v1/auth/me", { headers: { authorization } });

    expect(response.status).toBe(401);
  });

  it("logged no failure for any of the above", () => {
    const failures = api.server.logLines().filter((line) => line.level === "ERROR");

    expect(failures).toEqual([]);
  });
});
