// Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Milliseconds from now, or null
// when absent or unreadable (then the retry schedule decides).
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP-dates are IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"); nothing looser is honoured.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
