"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const base =
  "rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap focus-visible:outline-2 " +
  "focus-visible:outline-indigo-500";
const idle = "text-slate-600 hover:bg-slate-200 hover:text-slate-900 " +
  "dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white";
const current = "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900";

export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const active = href === "/" ? pathname === "/" : pathname.startsWith(href);

  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`${base} ${active ? current : idle}`}
    >
      {children}
    </Link>
  );
}
