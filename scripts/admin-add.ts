// `npm run admin:add -- <username>`: add an admin. The password comes from
// ADMIN_NEW_PASSWORD, a hidden prompt on a terminal, or one line on stdin.
import { AppError } from "@/lib/errors";
import { adminCommand } from "./admin-command";
import { newPassword } from "./admin-new-password";

await adminCommand("admin:add", async (username) => {
  const { createAdmin, findAdmin } = await import("@/lib/auth/admins");
  if (await findAdmin(username)) {
    throw new AppError("conflict", `Admin '${username}' already exists`);
  }

  const admin = await createAdmin({ username, password: await newPassword() });

  return `admin '${admin.username}' created`;
});
