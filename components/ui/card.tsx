export const panel =
  "rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900";

type Props = { title?: string; description?: React.ReactNode; children: React.ReactNode };

export function Card({ title, description, children }: Props) {
  return (
    <section className={`${panel} p-5`}>
      {title && <h2 className="text-base font-semibold">{title}</h2>}
      {description && (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{description}</p>
      )}
      <div className={title || description ? "mt-4" : ""}>{children}</div>
    </section>
  );
}
