import type { Metadata } from "next";
import { CreatePersonaForm } from "@/components/forms/create-persona-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { dateOnly, Table, Td, Th } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requireConsoleAdmin } from "@/lib/auth/console-session";
import { withQuery, type SearchParams } from "@/lib/auth/next-path";
import { listPersonas } from "@/lib/personas";

export const metadata: Metadata = { title: "Personas · agent-console" };

type Props = { searchParams: Promise<SearchParams> };

export default async function PersonasPage({ searchParams }: Props) {
  await requireConsoleAdmin(withQuery("/personas", await searchParams));
  const personas = await listPersonas();

  return (
    <>
      <PageHeader title="Personas" description="Each persona has its own settings." />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <Card title={`All personas (${personas.length})`}>
            <Table label="Personas">
              <thead>
                <tr>
                  <Th>Name</Th>
                  <Th>Description</Th>
                  <Th>Created</Th>
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {personas.map((persona) => (
                  <tr key={persona.id}>
                    <Td wrap>
                      <span className="font-medium">{persona.name}</span>
                    </Td>
                    <Td wrap>{persona.description || "—"}</Td>
                    <Td>
                      <span className="whitespace-nowrap">{dateOnly(persona.created_at)}</span>
                    </Td>
                    <Td>
                      <TextLink
                        href={`/personas/${persona.id}`}
                        aria-label={`Settings of ${persona.name}`}
                      >
                        Settings
                      </TextLink>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </Card>
        </div>
        <Card title="New persona">
          <CreatePersonaForm />
        </Card>
      </div>
    </>
  );
}
