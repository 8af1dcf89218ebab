"use server";

import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/auth";
import { endSessions } from "@/lib/auth/admins";
import { consoleAdmin } from "@/lib/auth/console-session";
import { log } from "@/lib/log";

export async function logout() {
  const admin = await consoleAdmin();
  await signOut({ redirect: false });
  if (admin) {
    log().info({ username: admin.username }, "console.logout");
  }

  redirect("/login");
}

// A session cookie is a signed token: deleting it here does not stop a copy
// kept elsewhere. Bumping the session version does, for every copy, and for
// the admin's API tokens too.
export async function logoutEverywhere() {
  const admin = await consoleAdmin();
  if (admin) {
    await endSessions(admin.username);
    log().info({ username: admin.username }, "console.sessions_ended");
  }

  await signOut({ redirect: false });
  redirect("/login");
}
