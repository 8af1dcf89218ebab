import type { Metadata } from "next";
import { AddAdminForm } from "@/components/forms/add-admin-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { dateOnly, Table, Td, Th } from "@/components/ui/table";
import { listAdmins } from "@/lib/auth/admins";
import { requireConsoleAdmin } from "@/lib/auth/console-session";
import { withQuery, type SearchParams } from "@/lib/auth/next-path";

export const metadata: Metadata = { title: "Admins · agent-console" };

type Props = { searchParams: Promise<SearchParams> };

export default async function AdminsPage({ searchParams }: Props) {
  const current = await requireConsoleAdmin(withQuery("/admins", await searchParams));
  const admins = await listAdmins();

  return (
    <>
      <PageHeader title="Admins" description="Everyone who can use this console and the API." />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <Card title={`All admins (${admins.length})`}>
            <Table label="Admins">
              <thead>
                <tr>
                  <Th>Username</Th>
                  <Th>Full name</Th>
                  <Th>Password</Th>
                  <Th>Added</Th>
                </tr>
              </thead>
              <tbody>
                {admins.map((admin) => (
                  <tr key={admin.username}>
                    <Td wrap>
                      <span className="font-medium">{admin.username}</span>
                      {admin.username === current.username && (
                        <span className="ml-2 text-xs text-slate-500">(you)</span>
                      )}
                    </Td>
                    <Td wrap>{admin.full_name}</Td>
                    <Td>
                      {admin.must_change_password ? (
                        <Badge tone="warn">Must change</Badge>
                      ) : (
                        <Badge tone="ok">Set</Badge>
                      )}
                    </Td>
                    <Td>{dateOnly(admin.created_at)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </Card>
        </div>
        <Card title="Add an admin">
          <AddAdminForm />
        </Card>
      </div>
    </>
  );
}
