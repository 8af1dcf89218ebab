// Long text wraps so a table fits a phone; below 18rem it scrolls sideways
// inside its card instead of squeezing further.
export function Table({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="-mx-5 overflow-x-auto px-5">
      <table aria-label={label} className="w-full min-w-[18rem] text-left text-sm">
        {children}
      </table>
    </div>
  );
}

const heading =
  "border-b border-slate-200 py-2 pr-4 font-medium text-slate-600 " +
  "dark:border-slate-700 dark:text-slate-400";

export function Th({ children }: { children?: React.ReactNode }) {
  return (
    <th scope="col" className={heading}>
      {children}
    </th>
  );
}

const cell = "border-b border-slate-100 py-2.5 pr-4 align-top dark:border-slate-800";

// `wrap` lets long unbroken text (a 64-character name) break anywhere rather
// than widen the table past its card.
export function Td({ children, wrap }: { children?: React.ReactNode; wrap?: boolean }) {
  return (
    <td className={wrap ? `${cell} [overflow-wrap:anywhere]` : cell}>
      {children}
    </td>
  );
}

export function dateOnly(iso: string) {
  return iso.slice(0, 10);
}
