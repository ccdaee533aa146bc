// Keyset cursors over (createdAt, id): stable under inserts and equal timestamps, unlike offsets.
// Opaque to clients (base64url of JSON) so its shape can change without breaking them.
export interface JobCursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor({ createdAt, id }: JobCursor): string {
  return Buffer.from(JSON.stringify([createdAt.getTime(), id]), "utf8").toString("base64url");
}

/** The cursor, or null for anything this module did not produce. */
export function decodeCursor(text: string): JobCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [time, id] = value as unknown[];
    if (typeof time !== "number" || !Number.isSafeInteger(time) || typeof id !== "string" || id.length === 0 || id.length > 64) {
      return null;
    }
    const createdAt = new Date(time);
    return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id };
  } catch {
    return null;
  }
}
