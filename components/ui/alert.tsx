const tones = {
  error:
    "border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200",
  success:
    "border-emerald-300 bg-emerald-50 text-emerald-800 " +
    "dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  info:
    "border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100",
};

type Props = { tone: keyof typeof tones; children: React.ReactNode };

// Errors interrupt a screen reader; confirmations and notes wait their turn.
export function Alert({ tone, children }: Props) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-md border px-4 py-3 text-sm ${tones[tone]}`}
    >
      {children}
    </div>
  );
}
