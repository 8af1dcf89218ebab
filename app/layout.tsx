import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: "agent-console",
  description: "Admin console for the Reddit agent",
};

const body =
  "min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100";

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, so each one gets
  // the CSP nonce the front server put on it.
  await headers();

  return (
    <html lang="en">
      <body className={body}>
        {children}
      </body>
    </html>
  );
}
