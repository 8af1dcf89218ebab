import { logout } from "@/app/(console)/actions";
import { NavLink } from "./nav-link";
import { SubmitButton } from "@/components/forms/submit-button";

const links = [
  { href: "/", label: "Overview" },
  { href: "/personas", label: "Personas" },
  { href: "/admins", label: "Admins" },
  { href: "/account/password", label: "Account" },
];

type Props = { username?: string; restricted: boolean };

// While the admin must still replace the seeded password, the other pages
// would only redirect back, so the navigation leaves them out.
export function ConsoleHeader({ username, restricted }: Props) {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <span className="font-semibold tracking-tight">agent-console</span>
        <nav aria-label="Main" className="-mx-1 flex flex-1 flex-wrap gap-1 px-1">
          {!restricted && links.map((link) => (
            <NavLink key={link.href} href={link.href}>
              {link.label}
            </NavLink>
          ))}
        </nav>
        {username && (
          <div className="flex min-w-0 items-center gap-3 text-sm">
            <span className="min-w-0 text-slate-600 [overflow-wrap:anywhere] dark:text-slate-400">
              Signed in as{" "}
              <strong className="text-slate-900 dark:text-slate-100">{username}</strong>
            </span>
            <form action={logout}>
              <SubmitButton variant="secondary" pendingLabel="Logging out…">
                Log out
              </SubmitButton>
            </form>
          </div>
        )}
      </div>
    </header>
  );
}
