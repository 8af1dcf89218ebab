import { SignJWT, jwtVerify, errors } from "jose";
import { env } from "@/lib/config/env";
import { credentialsError } from "@/lib/errors";

export type TokenClaims = { sub: string; ver: number; iat: number; exp: number };

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

// Only HS256 is accepted: `none`, other algorithms, bad signatures, expired and
// malformed tokens all end as the same 401.
export async function readToken(token: string): Promise<TokenClaims> {
  try {
    const { payload } = await jwtVerify(token, await signingKey(), {
      algorithms: ["HS256"],
      requiredClaims: ["sub", "iat", "exp"],
    });
    if (typeof payload.ver !== "number") {
      throw credentialsError();
    }

    return payload as TokenClaims;
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
