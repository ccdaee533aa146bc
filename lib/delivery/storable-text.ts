// What a receiver answers is stored for the delivery log, and PostgreSQL refuses some of it: a
// text value cannot hold U+0000 (SQLSTATE 22021), and a refused write would leave the delivery
// `delivering` until its lease ran out — then it would be sent again, and again. Every text that
// comes from outside is passed through here by the storage layer (record-outcome.ts), whoever
// produced it. Invalid UTF-8 arrives already replaced by U+FFFD (the decoder is not fatal).
export const MAX_STORED_ERROR_LENGTH = 1_000;
/** Above this share of unreadable characters, an answer is binary and only its size is kept. */
const BINARY_SHARE = 0.1;

// C0 controls other than tab, line feed and carriage return, and the replacement character.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNREADABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/g;

/** Text PostgreSQL accepts: NULs replaced by U+FFFD, at most `maxLength` characters. */
export function toStorableText(text: string | null, maxLength = Number.POSITIVE_INFINITY): string | null {
  if (text === null) return null;
  const clean = text.includes("\u0000") ? text.replaceAll("\u0000", "\ufffd") : text;
  return clean.length > maxLength ? `${clean.slice(0, maxLength - 1)}…` : clean;
}

/**
 * A response excerpt as the log shows it: readable text as it came (NULs replaced), or, for a
 * binary answer, a note with its size — bytes that would only show as noise are not kept.
 */
export function toStorableExcerpt(text: string | null): string | null {
  if (text === null || text === "") return text;
  const unreadable = text.match(UNREADABLE)?.length ?? 0;
  if (unreadable > text.length * BINARY_SHARE) {
    // Each U+FFFD stood for (at least) one byte that was not UTF-8.
    const bytes = Buffer.byteLength(text) - 2 * (text.match(/\ufffd/g)?.length ?? 0);
    return `[binary response body, ${bytes} bytes read — not shown]`;
  }
  return toStorableText(text);
}
