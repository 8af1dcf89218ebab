import { AppError } from "@/lib/errors";
import { consume, ensureQuota } from "@/lib/http/rate-limit";
import { checkCredentials } from "./admins";
import type { Admin } from "@/lib/db/schema";

// Besides the per-client limit, failed logins are counted per account, so a
// password guesser spread across many addresses is slowed down too.
export async function login(username: string, password: string): Promise<Admin> {
  await ensureQuota("login_failures", username);

  try {
    return await checkCredentials(username, password);
  } catch (error) {
    if (error instanceof AppError && error.status === 401) {
      await consume("login_failures", username).catch(() => undefined);
    }

    throw error;
  }
}
