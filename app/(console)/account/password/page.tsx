import type { Metadata } from "next";
import { logoutEverywhere } from "@/app/(console)/actions";
import { ChangePasswordForm } from "@/components/forms/change-password-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PASSWORD_PAGE, requireConsoleAdmin } from "@/lib/auth/console-session";

export const metadata: Metadata = { title: "Account · agent-console" };

const endsEverything =
  "Log out here and everywhere else: every console session and API token of this account ends.";

export default async function PasswordPage() {
  const admin = await requireConsoleAdmin(PASSWORD_PAGE, { passwordChange: true });

  return (
    <>
      <PageHeader
        title="Account"
        description={`Signed in as ${admin.username} (${admin.fullName}).`}
      />
      <div className="grid max-w-3xl gap-6">
        {admin.mustChangePassword && (
          <Alert tone="info">
            This account still has a password someone else chose or the well-known default.
            Choose a new one to continue.
          </Alert>
        )}
        <Card
          title="Change password"
          description="Every other console session and API token of this account ends."
        >
          <ChangePasswordForm username={admin.username} />
        </Card>
        {!admin.mustChangePassword && (
          <Card
            title="Sessions"
            description={endsEverything}
          >
            <form action={logoutEverywhere}>
              <SubmitButton variant="danger" pendingLabel="Ending sessions…">
                Log out everywhere
              </SubmitButton>
            </form>
          </Card>
        )}
      </div>
    </>
  );
}
