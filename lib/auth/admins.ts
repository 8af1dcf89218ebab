import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { preparedOnce } from "@/lib/db/prepared";
import { admins, type Admin } from "@/lib/db/schema";
import { AppError, credentialsError } from "@/lib/errors";
import { MAX_PASSWORD_BYTES, hashPassword, passwordBytes, verifyPassword } from "./password";
import type { CreateAdminInput } from "./schemas";

export type AdminView = {
  username: string;
  full_name: string;
  must_change_password: boolean;
  created_at: string;
};

export function adminView(admin: Admin): AdminView {
  return {
    username: admin.username,
    full_name: admin.fullName,
    must_change_password: admin.mustChangePassword,
    created_at: new Date(admin.createdAt).toISOString(),
  };
}

// Every authenticated request looks its admin up.
const adminByUsername = preparedOnce((database) => {
  const username = sql.placeholder("username");

  return database.select().from(admins).where(eq(admins.username, username)).limit(1).prepare();
});

export async function findAdmin(username: string): Promise<Admin | undefined> {
  return adminByUsername().get({ username });
}

export const loginFailed = () =>
  new AppError("unauthorized", "Incorrect username or password", {
    "WWW-Authenticate": "Bearer",
  });

// Unknown users pay one bcrypt compare too, so timing does not reveal which
// usernames exist. bcrypt reads only the first 72 bytes, so a longer password
// would match any password that starts with them: it is refused after the
// compare, which keeps the timing the same.
export async function checkCredentials(username: string, password: string): Promise<Admin> {
  const admin = await findAdmin(username);
  const valid = await verifyPassword(password, admin?.hashedPassword);
  if (!admin || !valid || passwordBytes(password) > MAX_PASSWORD_BYTES) {
    throw loginFailed();
  }

  return admin;
}

// A token or session is good while its admin exists and has not changed the
// password since it was issued.
export async function adminForSession(username: string, version: number): Promise<Admin> {
  const admin = await findAdmin(username);
  if (!admin || admin.sessionVersion !== version) {
    throw credentialsError();
  }

  return admin;
}

export async function listAdmins(): Promise<AdminView[]> {
  const rows = await db().select().from(admins).orderBy(asc(admins.username));

  return rows.map(adminView);
}

export async function createAdmin(input: CreateAdminInput, mustChangePassword = false) {
  const hashedPassword = await hashPassword(input.password);
  const row = {
    id: randomUUID(),
    username: input.username,
    fullName: input.full_name || input.username,
    hashedPassword,
    mustChangePassword,
  };
  const inserted = await db()
    .insert(admins)
    .values(row)
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) {
    throw new AppError("conflict", `Admin '${input.username}' already exists`);
  }

  return adminView(inserted[0]);
}

// Replaces the password and ends every older token and console session.
export async function setPassword(username: string, password: string) {
  const hashedPassword = await hashPassword(password);
  const updated = await db()
    .update(admins)
    .set({
      hashedPassword,
      mustChangePassword: false,
      sessionVersion: sql`${admins.sessionVersion} + 1`,
    })
    .where(eq(admins.username, username))
    .returning();
  if (updated.length === 0) {
    throw new AppError("not_found", `Admin '${username}' not found`);
  }

  return updated[0];
}

// Ends every token and console session of this admin, the caller's included.
export async function endSessions(username: string) {
  await db()
    .update(admins)
    .set({ sessionVersion: sql`${admins.sessionVersion} + 1` })
    .where(eq(admins.username, username));
}

export async function changePassword(username: string, current: string, next: string) {
  const admin = await findAdmin(username);
  const valid = await verifyPassword(current, admin?.hashedPassword);
  if (!admin || !valid) {
    throw new AppError("bad_request", "Current password is incorrect");
  }

  return setPassword(username, next);
}
