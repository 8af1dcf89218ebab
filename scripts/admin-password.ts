// `npm run admin:password -- <username>`: replace an admin's password. Every
// token and console session issued before the change stops working.
import { AppError } from "@/lib/errors";
import { adminCommand } from "./admin-command";
import { newPassword } from "./admin-new-password";

await adminCommand("admin:password", async (username) => {
  const { findAdmin, setPassword } = await import("@/lib/auth/admins");
  if (!(await findAdmin(username))) {
    throw new AppError("not_found", `Admin '${username}' not found`);
  }

  await setPassword(username, await newPassword());

  return `password of '${username}' changed; its earlier tokens and sessions no longer work`;
});
