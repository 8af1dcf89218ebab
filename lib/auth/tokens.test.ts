import { SignJWT, decodeJwt, decodeProtectedHeader } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { bearerToken, issueToken, readToken } from "./tokens";

const SECRET = "unit-test-secret-key-that-is-long-enough";
const key = new TextEncoder().encode(SECRET);

beforeAll(() => {
  vi.stubEnv("SECRET_KEY", SECRET);
  vi.stubEnv("ACCESS_TOKEN_EXPIRE_MINUTES", "15");
});

afterAll(() => {
  vi.unstubAllEnvs();
});

afterEach(() => {
  vi.useRealTimers();
});

const now = () => Math.floor(Date.now() / 1000);

function sign(claims: Record<string, unknown>, alg = "HS256", secret = key) {
  const full = { sub: "admin", ver: 1, iat: now(), exp: now() + 600, ...claims };

  return new SignJWT(full).setProtectedHeader({ alg }).sign(secret);
}

async function expectCredentialsError(attempt: Promise<unknown>) {
  const error = await attempt.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({
    status: 401,
    detail: "Could not validate credentials",
    headers: { "WWW-Authenticate": "Bearer" },
  });
}

describe("issueToken", () => {
  it("answers the OAuth2 token shape with the configured lifetime", async () => {
    const issued = await issueToken("admin", 1);

    expect(issued.token_type).toBe("bearer");
    expect(issued.expires_in).toBe(900);
  });

  it("signs HS256 with sub, iat, exp and the session version", async () => {
    const { access_token } = await issueToken("admin", 4);
    const claims = decodeJwt(access_token);

    expect(decodeProtectedHeader(access_token)).toEqual({ alg: "HS256", typ: "JWT" });
    expect(claims).toEqual({
      sub: "admin",
      ver: 4,
      iat: expect.any(Number),
      exp: expect.any(Number),
    });
    expect(claims.exp! - claims.iat!).toBe(900);
  });
});

describe("readToken", () => {
  it("gives back the claims of a token it issued", async () => {
    const { access_token } = await issueToken("someone", 2);

    expect(await readToken(access_token)).toMatchObject({ sub: "someone", ver: 2 });
  });

  it("accepts a token up to its last second and refuses it from exp on", async () => {
    vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z") });
    const { access_token } = await issueToken("admin", 1);

    vi.setSystemTime(new Date("2026-01-01T00:14:59Z"));
    await expect(readToken(access_token)).resolves.toMatchObject({ sub: "admin" });
    vi.setSystemTime(new Date("2026-01-01T00:15:00Z"));
    await expectCredentialsError(readToken(access_token));
  });

  it.each(["HS384", "HS512"])("refuses a token signed with %s", async (alg) => {
    await expectCredentialsError(readToken(await sign({}, alg)));
  });

  it("refuses an unsigned token", async () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const claims = { sub: "admin", ver: 1, iat: now(), exp: now() + 60 };
    const unsigned = `${part({ alg: "none" })}.${part(claims)}.`;

    await expectCredentialsError(readToken(unsigned));
  });

  it("refuses a token signed with another key", async () => {
    const other = new TextEncoder().encode("another-unit-test-secret-key-long-enough");

    await expectCredentialsError(readToken(await sign({}, "HS256", other)));
  });

  it("refuses a token whose payload was changed", async () => {
    const [header, , signature] = (await sign({})).split(".");
    const payload = Buffer.from(
      JSON.stringify({ sub: "root", ver: 1, iat: now(), exp: now() + 60 }),
    );

    await expectCredentialsError(
      readToken(`${header}.${payload.toString("base64url")}.${signature}`),
    );
  });

  it.each([
    ["sub", { sub: undefined }],
    ["iat", { iat: undefined }],
    ["exp", { exp: undefined }],
    ["ver", { ver: undefined }],
  ])("refuses a token without %s", async (_, claims) => {
    await expectCredentialsError(readToken(await sign(claims)));
  });

  it("refuses a token whose ver is not a number", async () => {
    await expectCredentialsError(readToken(await sign({ ver: "1" })));
  });

  it.each([
    ["an object", { $ne: 1 }],
    ["a number", 42],
    ["empty", ""],
    ["longer than 256 characters", "a".repeat(257)],
  ])("refuses a token whose sub is %s", async (_, sub) => {
    await expectCredentialsError(readToken(await sign({ sub })));
  });

  it("refuses a token whose ver is not an integer", async () => {
    await expectCredentialsError(readToken(await sign({ ver: 1.5 })));
  });

  it("refuses a token issued more than 60 seconds in the future", async () => {
    await expectCredentialsError(readToken(await sign({ iat: now() + 120 })));
  });

  it("accepts a token issued a few seconds in the future", async () => {
    await expect(readToken(await sign({ iat: now() + 30 }))).resolves.toMatchObject({
      sub: "admin",
    });
  });

  it.each(["", "abc", "a.b.c", "..", "a.b", "eyJ.eyJ.x"])(
    "refuses the malformed token %j",
    async (token) => {
      await expectCredentialsError(readToken(token));
    },
  );
});

describe("bearerToken", () => {
  it.each([
    ["Bearer abc.def.ghi", "abc.def.ghi"],
    ["bearer abc", "abc"],
    ["Bearer   abc  ", "abc"],
  ])("reads %j", (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each([null, "", "Bearer", "Bearer ", "Basic abc", "abc", "Bearer a b", "Bearerabc"])(
    "refuses %j with the credentials error",
    (header) => {
      expect(() => bearerToken(header)).toThrow("Could not validate credentials");
    },
  );
});
