import type { InputHTMLAttributes } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & {
  ref?: React.Ref<HTMLInputElement>;
};

const track =
  "pointer-events-none relative inline-flex h-6 w-11 shrink-0 items-center rounded-full " +
  "bg-slate-300 transition-colors " +
  "peer-checked:bg-indigo-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 " +
  "peer-focus-visible:outline-indigo-500 peer-disabled:opacity-60 dark:bg-slate-600 " +
  "after:absolute after:left-0.5 after:size-5 after:rounded-full after:bg-white after:shadow " +
  "after:transition-transform peer-checked:after:translate-x-5";

// A native checkbox announced as a switch, so it keeps keyboard and form
// behaviour; the visible track is drawn beside it.
export function Switch(props: Props) {
  return (
    <span className="relative inline-flex">
      <input {...props} type="checkbox" role="switch" className="peer absolute inset-0 opacity-0" />
      <span aria-hidden="true" className={track} />
    </span>
  );
}
