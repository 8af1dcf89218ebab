import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { preparedOnce } from "@/lib/db/prepared";
import { personas, type Persona } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { personaIdSchema, type CreatePersonaInput } from "@/lib/settings/schema";

export type PersonaView = { id: string; name: string; description: string; created_at: string };

export function personaView(persona: Persona): PersonaView {
  return {
    id: persona.id,
    name: persona.name,
    description: persona.description,
    created_at: new Date(persona.createdAt).toISOString(),
  };
}

export async function listPersonas(): Promise<PersonaView[]> {
  const rows = await db().select().from(personas).orderBy(asc(personas.createdAt));

  return rows.map(personaView);
}

// Every settings request looks its persona up.
const personaById = preparedOnce((database) => {
  const id = sql.placeholder("id");

  return database.select().from(personas).where(eq(personas.id, id)).limit(1).prepare();
});

export async function getPersonaOrThrow(id: unknown): Promise<Persona> {
  if (id === null || id === undefined) {
    throw new AppError("bad_request", "persona_id is required");
  }

  const parsed = personaIdSchema.safeParse(id);
  if (!parsed.success) {
    throw new AppError("bad_request", "persona_id must be a UUID");
  }

  const persona = await personaById().get({ id: parsed.data });
  if (!persona) {
    throw new AppError("not_found", "Persona not found");
  }

  return persona;
}

export async function createPersona(input: CreatePersonaInput): Promise<PersonaView> {
  const inserted = await db()
    .insert(personas)
    .values({ id: randomUUID(), name: input.name, description: input.description ?? "" })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) {
    throw new AppError("conflict", `Persona '${input.name}' already exists`);
  }

  return personaView(inserted[0]);
}
