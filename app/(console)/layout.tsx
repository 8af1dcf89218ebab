import { ConsoleHeader } from "@/components/console/header";
import { consoleAdmin } from "@/lib/auth/console-session";

const skipLink =
  "sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded " +
  "focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900";

// Pages check the session themselves (requireConsoleAdmin): a layout is not
// re-rendered on every navigation, so it only decides what the header shows.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const admin = await consoleAdmin();

  return (
    <>
      <a
        href="#content"
        className={skipLink}
      >
        Skip to content
      </a>
      <ConsoleHeader username={admin?.username} restricted={!admin || admin.mustChangePassword} />
      <main id="content" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
