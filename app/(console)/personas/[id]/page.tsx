import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SettingsForm } from "@/components/settings/settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requireConsoleAdmin } from "@/lib/auth/console-session";
import { withQuery, type SearchParams } from "@/lib/auth/next-path";
import { AppError } from "@/lib/errors";
import { getPersonaOrThrow } from "@/lib/personas";
import { getSettings } from "@/lib/settings/service";
import { saveSettingsAction } from "../actions";

export const metadata: Metadata = { title: "Persona settings · agent-console" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

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

export default async function PersonaSettingsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const path = `/personas/${encodeURIComponent(id)}`;
  await requireConsoleAdmin(withQuery(path, await searchParams));
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
