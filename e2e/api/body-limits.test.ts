import { describe, expect, it } from "vitest";
import { call, callJson, login, rawRequest, useApi } from "./support/http";

const CAP = 4096;

const api = useApi({ MAX_BODY_BYTES: String(CAP) });

// A settings write whose value makes the JSON body `size` bytes long.
function settingsBody(size: number) {
  const frame = JSON.stringify({ persona_id: api.personaId, key: "persona_tone", value: "" });

  return JSON.stringify({
    persona_id: api.personaId,
    key: "persona_tone",
    value: "t".repeat(size - frame.length),
  });
}

describe("the body size cap (MAX_BODY_BYTES)", () => {
  it("lets a body just under the cap through to validation", async () => {
    const body = settingsBody(CAP - 10);
    const response = await call(api.server, "/api/v1/settings", {
      token: api.token,
      body,
      headers: { "content-type": "application/json" },
    });

    // The tone is too long for the schema, so the handler read and judged it.
    expect(response.status).toBe(400);
    expect((await response.json()).detail).toContain("persona_tone");
  });

  it.each(["/api/v1/settings", "/api/v1/auth/token", "/api/v1/nowhere", "/"])(
    "answers 413 on %s when Content-Length declares too much",
    async (path) => {
      const { status, body, headers } = await callJson(api.server, path, {
        token: api.token,
        body: settingsBody(CAP + 1),
        headers: { "content-type": "application/json" },
      });

      expect(status).toBe(413);
      expect(body).toEqual({ detail: `Request body exceeds ${CAP} bytes` });
      expect(headers.get("x-frame-options")).toBe("DENY");
    },
  );

  it("answers 413 to a JSON body streamed in chunks with no Content-Length", async () => {
    const chunks = Array.from({ length: 8 }, () => Buffer.from(" ".repeat(1024)));
    const answer = await rawRequest(api.server, "/api/v1/settings", {
      method: "POST",
      headers: { authorization: `Bearer ${api.token}`, "content-type": "application/json" },
      chunks,
    });

    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ detail: `Request body exceeds ${CAP} bytes` });
  });

  it("answers 413 to a login form streamed in chunks with no Content-Length", async () => {
    const chunks = [Buffer.from("username=admin&password="), Buffer.from("x".repeat(CAP + 1))];
    const answer = await rawRequest(api.server, "/api/v1/auth/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      chunks,
    });

    expect(answer.status).toBe(413);
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("keeps serving after refusing an oversized body", async () => {
    const response = await call(api.server, "/api/v1/protected/test", { token: api.token });

    expect(response.status).toBe(200);
  });
});

describe("the content-type check", () => {
  const json = JSON.stringify({ persona_id: "x", key: "require_approval", value: true });

  it.each([
    ["text/plain", "/api/v1/settings"],
    ["application/x-www-form-urlencoded", "/api/v1/settings"],
    ["multipart/form-data; boundary=x", "/api/v1/personas"],
    ["application/xml", "/api/v1/agent/status"],
    ["application/jsonp", "/api/v1/auth/password"],
  ])("answers 415 to %s on %s", async (type, path) => {
    const { status, body } = await callJson(api.server, path, {
      token: api.token,
      body: json,
      headers: { "content-type": type },
    });

    expect(status).toBe(415);
    expect(body).toEqual({ detail: "Content-Type must be application/json" });
  });

  it("answers 415 to a JSON endpoint posted with no content type", async () => {
    const answer = await rawRequest(api.server, "/api/v1/settings", {
      method: "POST",
      headers: { authorization: `Bearer ${api.token}` },
      chunks: [Buffer.from(json)],
    });

    expect(answer.status).toBe(415);
  });

  it.each(["utf-8", "UTF-8", '"utf-8"', "utf8"])(
    "accepts application/json with charset=%s",
    async (charset) => {
      const response = await call(api.server, "/api/v1/settings", {
        token: api.token,
        json: { persona_id: api.personaId, key: "require_approval", value: true },
        headers: { "content-type": `application/json; charset=${charset}` },
      });

      expect(response.status).toBe(200);
    },
  );

  it.each(["utf-16", "iso-8859-1", "latin1", "UTF-16LE", ""])(
    "answers 415 to application/json with charset=%j",
    async (charset) => {
      const { status, body } = await callJson(api.server, "/api/v1/settings", {
        token: api.token,
        json: { persona_id: api.personaId, key: "require_approval", value: true },
        headers: { "content-type": `application/json; charset=${charset}` },
      });

      expect(status).toBe(415);
      expect(body).toEqual({ detail: "JSON bodies must be UTF-8" });
    },
  );
});

describe("methods", () => {
  it("answers TRACE with 405 and no echo of the request", async () => {
    const answer = await rawRequest(api.server, "/api/v1/auth/me", {
      method: "TRACE",
      headers: { authorization: `Bearer ${api.token}` },
    });

    expect(answer.status).toBe(405);
    expect(answer.body).not.toContain(api.token);
    expect(answer.headers["x-frame-options"]).toBe("DENY");
    expect(answer.headers["content-security-policy"]).toContain("default-src 'none'");
  });

  it.each([
    ["PATCH", "/api/v1/settings"],
    ["PUT", "/api/v1/personas"],
    ["PATCH", "/api/v1/auth/me"],
    ["GET", "/api/v1/agent/status"],
  ])("answers %s %s with 405", async (method, path) => {
    const response = await call(api.server, path, { method, token: api.token });

    expect(response.status).toBe(405);
  });

  it("answers an unknown API path with a JSON 404", async () => {
    const { status, body } = await callJson(api.server, "/api/v1/does/not/exist", {
      token: api.token,
    });

    expect(status).toBe(404);
    expect(body).toEqual({ detail: "Not Found" });
  });
});
