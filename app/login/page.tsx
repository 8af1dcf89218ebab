import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Card } from "@/components/ui/card";
import { consoleAdmin } from "@/lib/auth/console-session";
import { safeNextPath } from "@/lib/auth/next-path";

export const metadata: Metadata = { title: "Sign in · agent-console" };

const brand = "text-sm font-semibold tracking-wide text-indigo-600 uppercase dark:text-indigo-400";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const { next } = await searchParams;
  const target = safeNextPath(typeof next === "string" ? next : undefined);
  if (await consoleAdmin()) {
    redirect(target);
  }

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className={brand}>agent-console</p>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight">Sign in</h1>
        </div>
        <Card>
          <LoginForm next={target} />
        </Card>
      </div>
    </main>
  );
}
