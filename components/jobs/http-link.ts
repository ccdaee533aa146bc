/**
 * `url` as an absolute http(s) link (a relative one resolved against `base`), or null for any other
 * scheme. The server already refuses such output links; this is the browser's own line of defence,
 * so a javascript: or data: URL never reaches an href or the clipboard.
 */
export function httpLink(url: string, base: string = window.location.href): string | null {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export class UnsafeLinkError extends Error {
  constructor() {
    super("The Jobs API sent a link that is not an http(s) link. It was not used.");
    this.name = "UnsafeLinkError";
  }
}
