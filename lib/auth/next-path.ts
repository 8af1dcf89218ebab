const base = "http://console.invalid";

// Where to go after login: only a path on this site. Protocol-relative
// (`//host`), backslash (`/\host`), absolute and `javascript:` targets, and
// anything with control characters, fall back to the overview.
export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) {
    return "/";
  }

  if (value.includes("\\") || /[\u0000-\u001f\u007f]/.test(value)) {
    return "/";
  }

  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return "/";
  }

  if (url.origin !== base || url.pathname.startsWith("/login")) {
    return "/";
  }

  return url.pathname + url.search + url.hash;
}

export function loginPath(next: string): string {
  const target = safeNextPath(next);

  return target === "/" ? "/login" : `/login?next=${encodeURIComponent(target)}`;
}

export type SearchParams = Record<string, string | string[] | undefined>;

// A page's own path with the query it was asked with, so a visitor sent to
// log in comes back to the same view (safeNextPath still checks it).
export function withQuery(path: string, query: SearchParams = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of [value ?? []].flat()) {
      params.append(key, item);
    }
  }
  const search = params.toString();

  return search ? `${path}?${search}` : path;
}
