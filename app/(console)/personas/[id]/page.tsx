import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SettingsForm } from "@/components/settings/settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requireConsoleAdmin } from "@/lib/auth/console-session";
import { AppError } from "@/lib/errors";
import { getPersonaOrThrow } from "@/lib/personas";
import { getSettings } from "@/lib/settings/service";
import { saveSettingsAction } from "../actions";

export const metadata: Metadata = { title: "Persona settings · agent-console" };

type Props = { params: Promise<{ id: string }> };

// The zones this server's Intl accepts, which is what the schema checks.
function timeZones() {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone.includes("/"))];
}

async function personaOrNotFound(id: string) {
  try {
    return await getPersonaOrThrow(id);
  } catch (error) {
    if (error instanceof AppError) {
      notFound();
    }

    throw error;
  }
}

export default async function PersonaSettingsPage({ params }: Props) {
  const { id } = await params;
  await requireConsoleAdmin(`/personas/${encodeURIComponent(id)}`);
  const persona = await personaOrNotFound(id);
  const { config } = await getSettings(persona.id);

  return (
    <>
      <p className="mb-2 text-sm">
        <TextLink href="/personas">← Personas</TextLink>
      </p>
      <PageHeader
        title={`Settings: ${persona.name}`}
        description={persona.description || undefined}
      />
      <SettingsForm
        initial={config}
        timeZones={timeZones()}
        save={saveSettingsAction.bind(null, persona.id)}
      />
    </>
  );
}
