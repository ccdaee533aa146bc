// What the refused-requests list keeps of a body (and of a signed string): the first KiB, with
// every presigned URL's query string (where its signature lives), every value of a JSON field
// named like a credential, `whsec_`/Bearer shapes and the workspace's own secrets replaced.
export const EXCERPT_CHARS = 1024;
export const SIGNING_STRING_CHARS = 2048;
// A secret is at most 512 characters: redacting this much past the cut means no secret that
// starts before it survives in part.
const LOOKAHEAD_CHARS = 600;

const PATTERNS: Array<[RegExp, string]> = [
  // JSON may escape slashes (https:\/\/…); the query runs to the closing quote, space or backslash.
  [/(https?:(?:\\?\/){2}[^\s"'?#]+)[?#][^\s"'\\]*/gi, "$1?[redacted]"],
  [
    /("[^"\\]*(?:secret|token|password|passwd|api[-_]?key|authorization|signature|credential)[^"\\]*"\s*:\s*)"(?:[^"\\]|\\.)*"/gi,
    '$1"[redacted]"',
  ],
  [/whsec_[A-Za-z0-9+/=]+/g, "whsec_[redacted]"],
  [/(Bearer\s+)[^\s"']+/gi, "$1[redacted]"],
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The text's first `maxChars` characters, redacted (`totalChars`: the length before the caller cut it); secrets shorter than 8 characters are not looked for (too many false hits). */
export function redactExcerpt(
  text: string,
  secrets: readonly string[],
  maxChars = EXCERPT_CHARS,
  totalChars = text.length,
): string {
  let out = text.slice(0, maxChars + LOOKAHEAD_CHARS);
  for (const secret of secrets) {
    if (secret.length >= 8) out = out.replace(new RegExp(escapeRegExp(secret), "g"), "[secret]");
  }
  out = PATTERNS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), out);
  if (totalChars <= maxChars) return out;
  return `${out.slice(0, maxChars)}… (${totalChars} characters in all)`;
}
