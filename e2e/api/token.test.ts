import { describe, expect, it } from "vitest";
import { call, callJson, form, useApi } from "./support/http";

const api = useApi();

function postToken(init: { headers?: Record<string, string>; body?: BodyInit }) {
  return call(api.server, "/api/v1/auth/token", { method: "POST", ...init });
}

describe("POST /api/v1/auth/token", () => {
  it("answers the runbook's form login with a bearer token and its lifetime", async () => {
    const response = await postToken(form({ username: "admin", password: "changeme123" }));

    expect(response.status).toBe(200);
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(["access_token", "expires_in", "token_type"]);
    expect(body.token_type).toBe("bearer");
    expect(body.expires_in).toBe(3600);
    expect(body.access_token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("accepts grant_type=password", async () => {
    const fields = { grant_type: "password", username: "admin", password: "changeme123" };
    const response = await postToken(form(fields));

    expect(response.status).toBe(200);
  });

  it("accepts the same fields as multipart/form-data", async () => {
    const body = new FormData();
    body.set("username", "admin");
    body.set("password", "changeme123");
    const response = await postToken({ body });

    expect(response.status).toBe(200);
    expect((await response.json()).token_type).toBe("bearer");
  });

  it("accepts a charset on the form's content type", async () => {
    const response = await postToken({
      headers: { "content-type": "application/x-www-form-urlencoded; charset=UTF-8" },
      body: "username=admin&password=changeme123",
    });

    expect(response.status).toBe(200);
  });

  it("refuses a grant_type other than password with a 400", async () => {
    const fields = { grant_type: "client_credentials", username: "admin", password: "changeme123" };
    const { status, body } = await callJson(api.server, "/api/v1/auth/token", form(fields));

    expect(status).toBe(400);
    expect(body.detail).toContain("grant_type must be 'password'");
  });

  it.each([
    ["no fields", {}],
    ["no password", { username: "admin" }],
    ["no username", { password: "changeme123" }],
    ["an empty password", { username: "admin", password: "" }],
    ["an empty username", { username: "", password: "changeme123" }],
  ])("answers %s with a 400 naming the field", async (_, fields) => {
    const { status, body } = await callJson(api.server, "/api/v1/auth/token", form(fields));

    expect(status).toBe(400);
    expect(body.detail).toMatch(/username|password/i);
  });

  it("answers an empty body with a 400", async () => {
    const response = await postToken({
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });

    expect(response.status).toBe(400);
  });

  it("answers a broken multipart body with a 400", async () => {
    const response = await postToken({
      headers: { "content-type": "multipart/form-data; boundary=xyz" },
      body: "--xyz\r\nthis is not a part",
    });

    expect(response.status).toBe(400);
    expect((await response.json()).detail).toContain("multipart");
  });

  it("refuses JSON with a 415", async () => {
    const response = await postToken({
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: "changeme123" }),
    });

    expect(response.status).toBe(415);
    expect((await response.json()).detail).toContain("application/x-www-form-urlencoded");
  });

  it("refuses a GET with a 405", async () => {
    const response = await call(api.server, "/api/v1/auth/token");

    expect(response.status).toBe(405);
  });
});

describe("a failed login", () => {
  it("answers a wrong password with 401 and WWW-Authenticate: Bearer", async () => {
    const fields = { username: "admin", password: "wrong-password" };
    const response = await postToken(form(fields));

    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
    expect(await response.json()).toEqual({ detail: "Incorrect username or password" });
  });

  it("answers an unknown user exactly as it answers a wrong password", async () => {
    const wrongPassword = await postToken(form({ username: "admin", password: "nope-nope" }));
    const unknownUser = await postToken(form({ username: "nobody", password: "nope-nope" }));

    expect(unknownUser.status).toBe(wrongPassword.status);
    expect(await unknownUser.text()).toBe(await wrongPassword.text());
    const shape = (response: Response) => {
      // Headers that differ per response by nature are left out.
      const varying = new Set(["date", "x-request-id"]);

      return [...response.headers].filter(([name]) => !varying.has(name));
    };
    expect(shape(unknownUser)).toEqual(shape(wrongPassword));
  });

  it("takes about as long for an unknown user as for a wrong password", async () => {
    const timings = { unknown: [] as number[], wrong: [] as number[] };
    // Interleaved, so a busy moment on the machine hits both sides alike.
    for (let round = 0; round < 6; round++) {
      for (const [kind, username] of [
        ["unknown", `ghost${round}`],
        ["wrong", "admin"],
      ] as const) {
        const started = performance.now();
        const response = await postToken(form({ username, password: `bad-password-${round}` }));
        timings[kind].push(performance.now() - started);
        expect(response.status).toBe(401);
      }
    }

    const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1];
    const unknown = median(timings.unknown);
    const wrong = median(timings.wrong);
    // A bcrypt compare at cost 12 is ~250 ms; skipping it would make an
    // unknown user answer in a few ms, a ratio near 0. The bounds are wide
    // because the machine may be busy with other work.
    expect(wrong).toBeGreaterThan(50);
    expect(unknown / wrong).toBeGreaterThan(0.4);
    expect(unknown / wrong).toBeLessThan(2.5);
  });
});
