// One spelling per Jobs API base URL, so that the allowlist, Settings and the stored value compare
// equal: scheme and host lower-cased, default port dropped (WHATWG), no trailing slash.
// Pure: the Settings form imports it too.
export function canonicalBaseUrl(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
    return parsed.href.replace(/\/+$/, "");
  } catch {
    return null;
  }
}
