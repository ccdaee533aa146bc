// Presigned output URLs are bearer credentials (anyone holding one downloads the file until it
// expires), so the stored payload keeps each URL without its query string, where the signature
// lives. Every http(s) URL anywhere in the payload is treated so, in case a future event carries one.
const URL_WITH_QUERY = /^https?:\/\/[^?#\s]+[?#]/i;

export function withoutQueryString(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url.replace(/[?#].*$/s, "");
  }
}

/** A copy of a JSON value in which every http(s) URL has lost its query string and fragment. */
export function redactPresignedUrls(value: unknown): unknown {
  if (typeof value === "string") return URL_WITH_QUERY.test(value) ? withoutQueryString(value) : value;
  if (Array.isArray(value)) return value.map(redactPresignedUrls);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactPresignedUrls(item)]));
  }
  return value;
}
