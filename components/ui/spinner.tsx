const ring =
  "inline-block size-4 animate-spin rounded-full border-2 border-current border-r-transparent";

export function Spinner() {
  return <span aria-hidden="true" className={ring} />;
}
