// Keyset cursors over (a timestamp, id): stable under inserts and equal timestamps, unlike offsets.
// Opaque to clients (base64url of JSON) so its shape can change without breaking them. Used by
// every list that pages: jobs, a job's events, an endpoint's deliveries.
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
    if (
      typeof time !== "number" ||
      !Number.isSafeInteger(time) ||
      typeof id !== "string" ||
      id.length === 0 ||
      id.length > 64
    ) {
      return null;
    }
    const createdAt = new Date(time);
    return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id };
  } catch {
    return null;
  }
}

/**
 * A Prisma `where` for the rows strictly past `cursor` in a scan ordered by (column, id) in
 * `direction`. `column <= c` (or `>=`) bounds the index range, so a deep page costs what the first
 * does; the OR only breaks ties among equal timestamps by id.
 */
export function pastCursor<Where>(column: string, cursor: JobCursor, direction: "asc" | "desc" = "desc"): Where {
  const op = direction === "desc" ? "lt" : "gt";
  const bound = direction === "desc" ? "lte" : "gte";
  return {
    [column]: { [bound]: cursor.createdAt },
    OR: [{ [column]: { [op]: cursor.createdAt } }, { id: { [op]: cursor.id } }],
  } as Where;
}

/** A page out of one read of `size + 1` rows: the rows to show, and the cursor of the next page (null on the last). */
export function pageOf<Row>(
  rows: readonly Row[],
  size: number,
  keyOf: (row: Row) => JobCursor,
): { page: Row[]; nextCursor: string | null } {
  const page = rows.slice(0, size);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > size && last ? encodeCursor(keyOf(last)) : null };
}
