import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { authConfig } from "./auth.config";
import { login } from "./login";
import { loginSchema } from "./schemas";

// A sign-in refused because the account's failure budget is spent; carries
// the limiter's answer so the form can say when to retry.
export class LoginRateLimited extends CredentialsSignin {
  code = "rate_limited";

  constructor(readonly refusal: AppError) {
    super(refusal.detail);
  }
}

async function authorize(credentials: Partial<Record<string, unknown>>) {
  const parsed = loginSchema.safeParse(credentials);
  if (!parsed.success) {
    return null;
  }

  try {
    const admin = await login(parsed.data.username, parsed.data.password);

    return { id: admin.username, name: admin.username, ver: admin.sessionVersion };
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthorized") {
      return null;
    }

    if (error instanceof AppError && error.code === "rate_limited") {
      throw new LoginRateLimited(error);
    }

    throw error;
  }
}

// Auth.js reports every refused sign-in as an error; those are expected and
// the login action logs them itself. Its debug output can hold form fields,
// passwords included, so it is dropped.
const logger = {
  error(error: Error) {
    if (!(error instanceof CredentialsSignin)) {
      log().error({ err: error }, "auth.error");
    }
  },
  warn(code: string) {
    log().warn({ code }, "auth.warning");
  },
  debug() {},
};

// Read lazily: the build imports this module without the app's environment.
export const { auth, signIn, signOut } = NextAuth(() => {
  const lifetime = env().ACCESS_TOKEN_EXPIRE_MINUTES * 60;

  return {
    ...authConfig,
    secret: env().SECRET_KEY,
    session: { strategy: "jwt", maxAge: lifetime },
    jwt: { maxAge: lifetime },
    logger,
    providers: [Credentials({ credentials: { username: {}, password: {} }, authorize })],
  };
});
