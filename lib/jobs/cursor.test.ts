import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, pageOf, pastCursor } from "./cursor";

describe("job cursors", () => {
  it("round-trips createdAt to the millisecond and the id", () => {
    const cursor = { createdAt: new Date("2026-11-28T10:00:00.123Z"), id: "cm3x9q0abc" };
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
  });

  it.each([
    ["empty", ""],
    ["not base64url", "abc$"],
    ["not JSON", Buffer.from("nope").toString("base64url")],
    ["wrong shape", Buffer.from(JSON.stringify({ t: 1, id: "x" })).toString("base64url")],
    ["non-integer time", Buffer.from(JSON.stringify([1.5, "x"])).toString("base64url")],
    ["empty id", Buffer.from(JSON.stringify([1, ""])).toString("base64url")],
    ["out-of-range date", Buffer.from(JSON.stringify([9e15, "x"])).toString("base64url")],
  ])("refuses %s", (_name, text) => {
    expect(decodeCursor(text)).toBeNull();
  });
});

describe("keyset pages", () => {
  const at = new Date("2026-11-28T10:00:00.000Z");

  it("continue strictly past the cursor: earlier times, or the same time and a lower id (newest first)", () => {
    expect(pastCursor("occurredAt", { createdAt: at, id: "m" })).toEqual({
      occurredAt: { lte: at },
      OR: [{ occurredAt: { lt: at } }, { id: { lt: "m" } }],
    });
    expect(pastCursor("createdAt", { createdAt: at, id: "m" }, "asc")).toEqual({
      createdAt: { gte: at },
      OR: [{ createdAt: { gt: at } }, { id: { gt: "m" } }],
    });
  });

  it("cut one read of size + 1 rows into a page and the next page's cursor", () => {
    const rows = ["c", "b", "a"].map((id) => ({ id, createdAt: at }));
    expect(pageOf(rows, 2, (row) => row)).toEqual({ page: rows.slice(0, 2), nextCursor: encodeCursor(rows[1]) });
    expect(pageOf(rows.slice(0, 2), 2, (row) => row)).toEqual({ page: rows.slice(0, 2), nextCursor: null });
    expect(pageOf([], 2, (row) => row)).toEqual({ page: [], nextCursor: null });
  });
});
