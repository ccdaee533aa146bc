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

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => value !== null && typeof value === "object";
const redactLeaf = (value: unknown) =>
  typeof value === "string" && URL_WITH_QUERY.test(value) ? withoutQueryString(value) : value;

/**
 * A copy of a JSON value in which every http(s) URL has lost its query string and fragment. Walks
 * with a stack of its own, not recursion, so no nesting can overflow it; keys keep their order.
 */
export function redactPresignedUrls(value: unknown): unknown {
  if (!isContainer(value)) return redactLeaf(value);
  const emptyLike = (source: Container): Container => (Array.isArray(source) ? [] : {});
  const root = emptyLike(value);
  const stack: Array<[Container, Container]> = [[value, root]];
  while (stack.length > 0) {
    const [source, target] = stack.pop() as [Container, Container];
    for (const [key, item] of Object.entries(source)) {
      let copy: unknown = redactLeaf(item);
      if (isContainer(item)) {
        copy = emptyLike(item);
        stack.push([item, copy as Container]);
      }
      // defineProperty: a key named "__proto__" stays a plain key, as JSON.parse made it.
      Object.defineProperty(target, Array.isArray(target) ? Number(key) : key, {
        value: copy,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return root;
}
