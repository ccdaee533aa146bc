// U+0000 and unpaired UTF-16 surrogates: valid in JSON text, refused by PostgreSQL's text and jsonb
// (22021, 22P05) — so a value holding one must be a 400 before it reaches a query, never a 500.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding U+0000 is the point.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_MESSAGE = "Strings must not contain \\u0000 or unpaired surrogates";

export function isUnstorableText(text: string): boolean {
  return UNSTORABLE.test(text);
}

/** Whether a string or key anywhere in a JSON value holds such a character; iterative, so any nesting is safe. */
export function containsUnstorableText(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current === "string") {
      if (UNSTORABLE.test(current)) return true;
    } else if (Array.isArray(current)) {
      for (const item of current) stack.push(item); // not push(...current): arguments have a limit too
    } else if (current && typeof current === "object") {
      for (const [key, item] of Object.entries(current)) stack.push(key, item);
    }
  }
  return false;
}
