// bcrypt only reads the first 72 bytes; longer passwords would silently collide.
// Kept apart from password.ts (Node only) so browser code can read it too.
export const MAX_PASSWORD_BYTES = 72;
