import { describe, expect, it } from "vitest";
import { toStorableExcerpt, toStorableText } from "./storable-text";

describe("toStorableText", () => {
  it("replaces NUL, which PostgreSQL text refuses, and keeps everything else", () => {
    expect(toStorableText('{"ok":true}\u0000')).toBe('{"ok":true}\ufffd');
    expect(toStorableText("tab\tline\né ✓")).toBe("tab\tline\né ✓");
    expect(toStorableText(null)).toBeNull();
  });

  it("cuts at the length given", () => {
    expect(toStorableText("x".repeat(20), 10)).toBe(`${"x".repeat(9)}…`);
    expect(toStorableText("short", 10)).toBe("short");
  });
});

describe("toStorableExcerpt", () => {
  it("keeps readable text, a stray NUL replaced", () => {
    const json = `${JSON.stringify({ received: true, note: "a".repeat(100) })}\u0000`;
    expect(toStorableExcerpt(json)).toBe(json.replace("\u0000", "\ufffd"));
    expect(toStorableExcerpt("")).toBe("");
    expect(toStorableExcerpt(null)).toBeNull();
  });

  it("marks a binary answer with its size instead of storing noise", () => {
    const png = new TextDecoder("utf-8", { fatal: false }).decode(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe]),
    );
    expect(toStorableExcerpt(png)).toBe("[binary response body, 14 bytes read — not shown]");
    expect(toStorableExcerpt("\u0000".repeat(2048))).toBe("[binary response body, 2048 bytes read — not shown]");
  });
});
