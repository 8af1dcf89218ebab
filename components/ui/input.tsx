import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

export const controlClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm " +
  "placeholder:text-slate-400 focus:border-indigo-500 focus:outline-2 focus:outline-offset-0 " +
  "focus:outline-indigo-500/40 disabled:opacity-60 aria-invalid:border-red-500 " +
  "dark:border-slate-600 dark:bg-slate-900 dark:placeholder:text-slate-500";

type InputProps = InputHTMLAttributes<HTMLInputElement> & { ref?: React.Ref<HTMLInputElement> };

export function Input(props: InputProps) {
  return <input {...props} className={`${controlClass} ${props.className ?? ""}`} />;
}

type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  ref?: React.Ref<HTMLTextAreaElement>;
};

export function Textarea(props: TextareaProps) {
  return <textarea {...props} className={`${controlClass} ${props.className ?? ""}`} />;
}

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { ref?: React.Ref<HTMLSelectElement> };

export function Select(props: SelectProps) {
  return <select {...props} className={`${controlClass} ${props.className ?? ""}`} />;
}
