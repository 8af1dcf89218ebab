import { SignJWT, decodeJwt, decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_SECRET, removeDir, type RunningServer } from "../support/server";
import { call, callJson, login, startApi } from "./support/http";

let server: RunningServer;
let shortLived: RunningServer;
let token: string;

beforeAll(async () => {
  [server, shortLived] = await Promise.all([
    startApi(),
    startApi({ ACCESS_TOKEN_EXPIRE_MINUTES: "5" }),
  ]);
  token = await login(server);
});

afterAll(async () => {
  for (const running of [server, shortLived]) {
    await running?.stop();
    removeDir(running.dir);
  }
});

const key = new TextEncoder().encode(TEST_SECRET);
const now = () => Math.floor(Date.now() / 1000);
const base64url = (value: object | string) =>
  Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

// A token as the server would make it, but with our choice of algorithm,
// key and claims, to show which of them the server really checks.
function forge(options: { alg?: string; secret?: string; claims?: Record<string, unknown> } = {}) {
  const claims = { sub: "admin", ver: 1, iat: now(), exp: now() + 600, ...options.claims };
  const secret = options.secret ? new TextEncoder().encode(options.secret) : key;

  return new SignJWT(claims).setProtectedHeader({ alg: options.alg ?? "HS256" }).sign(secret);
}

const claimsOf = (jwt: string): Record<string, unknown> => decodeJwt(jwt);

async function expectRejected(authorization: string | undefined) {
  const headers: Record<string, string> = authorization ? { authorization } : {};
  const response = await call(server, "/api/v1/protected/test", { headers });

  expect(response.status).toBe(401);
  expect(response.headers.get("www-authenticate")).toBe("Bearer");
  expect(await response.json()).toEqual({ detail: "Could not validate credentials" });
}

describe("the issued token", () => {
  it("is HS256 with sub, iat and exp", () => {
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: "HS256", typ: "JWT" });
    const claims = decodeJwt(token);
    expect(claims.sub).toBe("admin");
    expect(typeof claims.iat).toBe("number");
    expect(typeof claims.exp).toBe("number");
    expect(Math.abs((claims.iat as number) - now())).toBeLessThan(30);
  });

  it("lives ACCESS_TOKEN_EXPIRE_MINUTES, 60 by default", () => {
    const claims = decodeJwt(token);

    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
  });

  it("lives 5 minutes when ACCESS_TOKEN_EXPIRE_MINUTES is 5", async () => {
    const { body } = await callJson(shortLived, "/api/v1/auth/token", {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "username=admin&password=changeme123",
    });
    const claims = decodeJwt(body.access_token);

    expect(body.expires_in).toBe(300);
    expect((claims.exp as number) - (claims.iat as number)).toBe(300);
  });
});

describe("GET /api/v1/protected/test", () => {
  it("greets the token's admin as the runbook shows", async () => {
    const { status, body } = await callJson(server, "/api/v1/protected/test", { token });

    expect(status).toBe(200);
    expect(body).toEqual({ message: "Hello admin" });
  });

  it("accepts a token forged with the right key, which the refusals below depend on", async () => {
    const response = await call(server, "/api/v1/protected/test", { token: await forge() });

    expect(response.status).toBe(200);
  });
});

describe("GET /api/v1/auth/me", () => {
  it("answers the runbook's username and full_name", async () => {
    const { status, body } = await callJson(server, "/api/v1/auth/me", { token });

    expect(status).toBe(200);
    expect(body).toEqual({ username: "admin", full_name: "Admin User" });
  });

  it("refuses a request with no token", async () => {
    const response = await call(server, "/api/v1/auth/me");

    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
  });
});

describe("a token the server must refuse", () => {
  it("refuses an expired token", async () => {
    const expired = await forge({ claims: { iat: now() - 7200, exp: now() - 3600 } });

    await expectRejected(`Bearer ${expired}`);
  });

  it("refuses an unsigned token (alg none)", async () => {
    const claims = { sub: "admin", ver: 1, iat: now(), exp: now() + 600 };
    const unsigned = `${base64url({ alg: "none", typ: "JWT" })}.${base64url(claims)}.`;

    await expectRejected(`Bearer ${unsigned}`);
  });

  it.each(["HS384", "HS512"])(
    "refuses a token re-signed with %s and the right key",
    async (alg) => {
      await expectRejected(`Bearer ${await forge({ alg })}`);
    },
  );

  it("refuses a token signed with another key", async () => {
    const other = await forge({ secret: "another-secret-key-that-is-long-enough-42" });

    await expectRejected(`Bearer ${other}`);
  });

  it("refuses a token whose payload was changed after signing", async () => {
    const [header, , signature] = token.split(".");
    const payload = base64url({ ...claimsOf(token), sub: "root" });

    await expectRejected(`Bearer ${header}.${payload}.${signature}`);
  });

  it("refuses a token whose lifetime was stretched after signing", async () => {
    const [header, , signature] = token.split(".");
    const payload = base64url({ ...claimsOf(token), exp: now() + 10 * 365 * 86400 });

    await expectRejected(`Bearer ${header}.${payload}.${signature}`);
  });

  it.each([
    ["without sub", { sub: undefined }],
    ["without exp", { exp: undefined }],
    ["without iat", { iat: undefined }],
    ["for an unknown admin", { sub: "ghost" }],
    ["from an older password", { ver: 0 }],
    ["whose sub is an object", { sub: { $ne: 1 } }],
    ["whose sub is a number", { sub: 1 }],
    ["whose ver is a fraction", { ver: 1.5 }],
    ["issued more than a minute in the future", { iat: now() + 600 }],
  ])("refuses a well-signed token %s", async (_, claims) => {
    await expectRejected(`Bearer ${await forge({ claims })}`);
  });

  it.each([
    ["garbage", "Bearer not-a-token"],
    ["three empty parts", "Bearer .."],
    ["bad base64", "Bearer ###.###.###"],
    ["a header that is not JSON", `Bearer ${base64url("nope")}.${base64url("{}")}.abc`],
    ["two parts", "Bearer aaa.bbb"],
    ["five parts (JWE)", "Bearer a.b.c.d.e"],
    ["a very long token", `Bearer ${"a".repeat(6000)}.${"b".repeat(6000)}.c`],
  ])("refuses a malformed token: %s", async (_, authorization) => {
    await expectRejected(authorization);
  });

  it.each([
    ["no Authorization header", undefined],
    ["an empty Authorization header", " "],
    ["the Bearer word alone", "Bearer"],
    ["another scheme", `Basic ${Buffer.from("admin:changeme123").toString("base64")}`],
    ["the token without a scheme", "TOKEN"],
    ["two tokens", "Bearer TOKEN TOKEN"],
  ])("refuses %s", async (_, authorization) => {
    await expectRejected(authorization?.replaceAll("TOKEN", token));
  });
});
