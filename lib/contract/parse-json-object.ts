export type ParsedBody<T> = { ok: true; value: T } | { ok: false; message: string };

/** A request body (text) as a JSON object, or the message for what is wrong with it. */
export function parseJsonObject(text: string): ParsedBody<Record<string, unknown>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: "Request body must be valid JSON" };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { ok: false, message: "Request body must be a JSON object" };
  }
  return { ok: true, value: json as Record<string, unknown> };
}
