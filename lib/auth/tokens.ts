import { SignJWT, jwtVerify, errors } from "jose";
import { env } from "@/lib/config/env";
import { credentialsError } from "@/lib/errors";

export type TokenClaims = { sub: string; ver: number; iat: number; exp: number };

const CLOCK_SKEW = 60;

const now = () => Math.floor(Date.now() / 1000);

let key: Promise<CryptoKey> | undefined;

// Imported once: given raw bytes, jose imports a new key on every sign and
// verify, two thirds of the cost of checking a token.
function signingKey() {
  key ??= crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(env().SECRET_KEY),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );

  return key;
}

export async function issueToken(username: string, sessionVersion: number) {
  const lifetime = env().ACCESS_TOKEN_EXPIRE_MINUTES * 60;
  const token = await new SignJWT({ ver: sessionVersion })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(username)
    .setIssuedAt()
    .setExpirationTime(`${lifetime}s`)
    .sign(await signingKey());

  return { access_token: token, token_type: "bearer" as const, expires_in: lifetime };
}

// Signed is not the same as sane: a token minted with our key by another tool
// must still carry a username, an integer session version and a past iat.
function wellFormed(payload: Record<string, unknown>): payload is TokenClaims {
  const { sub, ver, iat } = payload;
  const sane = typeof sub === "string" && sub.length > 0 && sub.length <= 256;

  return sane && Number.isInteger(ver) && typeof iat === "number" && iat <= now() + CLOCK_SKEW;
}

// Only HS256 is accepted: `none`, other algorithms, bad signatures, expired and
// malformed tokens all end as the same 401.
export async function readToken(token: string): Promise<TokenClaims> {
  try {
    const { payload } = await jwtVerify(token, await signingKey(), {
      algorithms: ["HS256"],
      requiredClaims: ["sub", "iat", "exp"],
    });
    if (!wellFormed(payload)) {
      throw credentialsError();
    }

    return payload;
  } catch (error) {
    if (error instanceof errors.JOSEError || error instanceof TypeError) {
      throw credentialsError();
    }

    throw error;
  }
}

export function bearerToken(header: string | null): string {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) {
    throw credentialsError();
  }

  return match[1];
}
