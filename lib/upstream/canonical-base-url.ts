// One spelling per Jobs API base URL, so that the allowlist, Settings and the stored value compare
// equal: scheme and host lower-cased, default port dropped (WHATWG), no trailing slash.
// Pure: the Settings form imports it too.
export function canonicalBaseUrl(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
    // Paths are appended to a base URL: a query string or fragment would swallow them.
    if (parsed.search || parsed.hash || parsed.username || parsed.password) return null;
    return parsed.href.replace(/\/+$/, "");
  } catch {
    return null;
  }
}
