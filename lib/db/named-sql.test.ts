import { describe, expect, it } from "vitest";
import { namedSql } from "./named-sql";

describe("namedSql", () => {
  it("numbers the names in order of first appearance, reusing a number for a repeated name", () => {
    const sql = namedSql<{ workspaceId: string; ids: string[] }>(
      `SELECT * FROM "Job" WHERE "workspaceId" = :workspaceId AND id = ANY(:ids::text[]) AND "workspaceId" = :workspaceId`,
    );
    expect(sql.text).toBe(
      `SELECT * FROM "Job" WHERE "workspaceId" = $1 AND id = ANY($2::text[]) AND "workspaceId" = $1`,
    );
    expect(sql.names).toEqual(["workspaceId", "ids"]);
    expect(sql.values({ ids: ["a"], workspaceId: "w" })).toEqual(["w", ["a"]]);
  });

  it("leaves casts, string literals, quoted identifiers and comments alone", () => {
    const sql = namedSql<{ at: string }>(
      `SELECT :at::timestamp(3), '12:00 :notAParameter', "weird:column", x::"ApiProduct"[] -- see :alsoNot\nFROM t`,
    );
    expect(sql.text).toBe(
      `SELECT $1::timestamp(3), '12:00 :notAParameter', "weird:column", x::"ApiProduct"[] -- see :alsoNot\nFROM t`,
    );
    expect(sql.names).toEqual(["at"]);
  });

  it("refuses to run with a value missing, and passes null as null", () => {
    const sql = namedSql<{ a: string | null; b: string }>(`SELECT :a, :b`);
    expect(sql.values({ a: null, b: "x" })).toEqual([null, "x"]);
    expect(() => sql.values({ a: "x" } as { a: string; b: string })).toThrow(/no value for :b/);
  });
});
