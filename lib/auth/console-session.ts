import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Admin } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { adminForSession } from "./admins";
import { auth } from "./auth";
import { loginPath } from "./next-path";

export const PASSWORD_PAGE = "/account/password";

// The admin behind this request's session cookie, or null when there is no
// cookie, it has expired, or its admin was removed or changed the password
// since it was issued. Read once per request.
export const consoleAdmin = cache(async (): Promise<Admin | null> => {
  const session = await auth();
  const username = session?.user?.name;
  if (!username || typeof session.ver !== "number") {
    return null;
  }

  try {
    return await adminForSession(username, session.ver);
  } catch (error) {
    if (error instanceof AppError) {
      return null;
    }

    throw error;
  }
});

type Options = { passwordChange?: boolean };

// Every console page and server action starts here. `path` is where a
// signed-out visitor returns after logging in. An admin who must still
// replace the seeded password is sent to the password page first.
export async function requireConsoleAdmin(path: string, options: Options = {}): Promise<Admin> {
  const admin = await consoleAdmin();
  if (!admin) {
    redirect(loginPath(path));
  }

  if (admin.mustChangePassword && !options.passwordChange) {
    redirect(PASSWORD_PAGE);
  }

  return admin;
}

// The front server stamps the real client address on every request.
export async function clientIp(): Promise<string> {
  return (await headers()).get("x-client-ip") ?? "unknown";
}
