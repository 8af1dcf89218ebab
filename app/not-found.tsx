import { TextLink } from "@/components/ui/text-link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">There is nothing at this address.</p>
      <p className="mt-6">
        <TextLink href="/">Back to the overview</TextLink>
      </p>
    </main>
  );
}
