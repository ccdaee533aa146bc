/**
 * Where to go after signing in: a path on this portal only. Anything else — an absolute URL,
 * a protocol-relative `//host` or a backslash trick — falls back to the overview, so a crafted
 * sign-in link cannot send users to another site.
 */
export function toSafeCallbackUrl(value: string | string[] | undefined, fallback = "/overview"): string {
  if (typeof value !== "string") return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  if (value.startsWith("/sign-in") || value.startsWith("/sign-up") || value.startsWith("/api/")) return fallback;
  return value;
}
