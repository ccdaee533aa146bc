import { describe, expect, it } from "vitest";
import { extractLinks } from "./extract-links";

describe("extractLinks", () => {
  it("finds each http(s) link once, without the punctuation after it", () => {
    const text =
      "Open https://portal.example/sign-up/confirm?token=abc_DEF-1.\n\nOr (http://localhost:3000/sign-in), again: https://portal.example/sign-up/confirm?token=abc_DEF-1";
    expect(extractLinks(text)).toEqual([
      "https://portal.example/sign-up/confirm?token=abc_DEF-1",
      "http://localhost:3000/sign-in",
    ]);
    expect(extractLinks("no links here, not even ftp://x")).toEqual([]);
  });
});
