import { describe, expect, it } from "vitest";
import { readBearerToken } from "./read-bearer-token";

describe("readBearerToken", () => {
  it.each([
    ["Bearer jp_live_abc", "jp_live_abc"],
    ["bearer jp_live_abc", "jp_live_abc"],
    ["Bearer   jp_live_abc  ", "jp_live_abc"],
  ])("reads %j", (header, token) => {
    expect(readBearerToken(header)).toBe(token);
  });

  it.each([null, "", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "jp_live_abc", "Bearer two tokens"])(
    "refuses %j",
    (header) => {
      expect(readBearerToken(header)).toBeNull();
    },
  );
});
