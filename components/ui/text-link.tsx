import Link from "next/link";

const style =
  "font-medium text-indigo-700 underline-offset-4 hover:underline focus-visible:outline-2 " +
  "focus-visible:outline-indigo-500 dark:text-indigo-300";

export function TextLink(props: React.ComponentProps<typeof Link>) {
  return <Link {...props} className={`${style} ${props.className ?? ""}`} />;
}
