import { describe, expect, it } from "vitest";
import { withoutStatementName } from "./unnamed-statement-client";

describe("withoutStatementName", () => {
  it("drops the name of a query config and keeps the rest", () => {
    expect(withoutStatementName({ name: "delivery-claim", text: "SELECT $1", values: [1] })).toEqual({
      text: "SELECT $1",
      values: [1],
    });
  });

  it("leaves plain text, unnamed configs and submittables (cursors, streams) alone", () => {
    const submittable = { name: "x", submit: () => undefined };
    expect(withoutStatementName("SELECT 1")).toBe("SELECT 1");
    const unnamed = { text: "SELECT 1" };
    expect(withoutStatementName(unnamed)).toBe(unnamed);
    expect(withoutStatementName(submittable)).toBe(submittable);
  });
});
