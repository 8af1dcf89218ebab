import { z } from "zod";
import { plainText } from "@/lib/plain-text";
import { MAX_PASSWORD_BYTES } from "./password-limits";

export const MIN_PASSWORD_LENGTH = 12;

export const usernameSchema = z
  .string()
  .trim()
  .min(3, "Username must be at least 3 characters")
  .max(64, "Username must be at most 64 characters")
  .regex(/^[A-Za-z0-9_.-]+$/, "Username may use letters, digits, '.', '_' and '-'");

const bcryptSized = (value: string) => new TextEncoder().encode(value).length <= MAX_PASSWORD_BYTES;

export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .refine(bcryptSized, `Password must be at most ${MAX_PASSWORD_BYTES} bytes`);

export const loginSchema = z.object({
  username: z.string().min(1, "Username is required").max(256),
  password: z.string().min(1, "Password is required").max(1024),
});

export const changePasswordSchema = z
  .object({
    current_password: z.string().min(1, "Current password is required").max(1024),
    new_password: newPasswordSchema,
  })
  .refine((value) => value.current_password !== value.new_password, {
    message: "New password must differ from the current one",
    path: ["new_password"],
  });

export const createAdminSchema = z.object({
  username: usernameSchema,
  full_name: plainText(128).optional(),
  password: newPasswordSchema,
});

export type CreateAdminInput = z.infer<typeof createAdminSchema>;
