"use client";

import { Button } from "@/components/ui/button";

// Shown for failures that are bugs, not refusals; the detail is in the log
// under the request id, never on the page.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        The server could not finish this request. Try again; if it keeps failing, check the log.
      </p>
      <div className="mt-6">
        <Button onClick={reset}>Try again</Button>
      </div>
    </main>
  );
}
