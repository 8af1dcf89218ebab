import type { PersonaConfig } from "@/lib/settings/schema";

export type SaveResult = { ok: true; config: PersonaConfig } | { ok: false; error: string };
