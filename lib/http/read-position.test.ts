import { describe, expect, it } from "vitest";
import {
  formatPosition,
  heardPosition,
  laterPosition,
  notePosition,
  parsePosition,
  READ_POSITION_COOKIE,
  READ_POSITION_HEADER,
  readPositionOf,
  serializeReadPositionCookie,
} from "./read-position";

describe("read positions", () => {
  it("reads pg_lsn text as a number, high half first, and writes it back as PostgreSQL does", () => {
    expect(parsePosition("0/0")).toBe(BigInt(0));
    expect(parsePosition("0/16B3748")).toBe(BigInt(0x16b3748));
    expect(parsePosition("1/0")).toBe(BigInt(2) ** BigInt(32));
    expect(parsePosition("16/b374d848")).toBe(BigInt("0x16B374D848"));
    expect(formatPosition(BigInt("0x16B374D848"))).toBe("16/B374D848");
    expect(formatPosition(parsePosition("FFFFFFFF/FFFFFFFF")!)).toBe("FFFFFFFF/FFFFFFFF");
    // Later positions compare greater even across the halves.
    expect(parsePosition("1/0")! > parsePosition("0/FFFFFFFF")!).toBe(true);
  });

  it("refuses anything that is not a position", () => {
    for (const text of ["", "0", "/0", "0/", "1/2/3", "G/0", "0/123456789", "-1/0", "0/1;", " 0/1 x", null, undefined])
      expect(parsePosition(text), String(text)).toBeNull();
  });

  it("takes the later of two, either missing", () => {
    expect(laterPosition(null, null)).toBeNull();
    expect(laterPosition(BigInt(5), null)).toBe(BigInt(5));
    expect(laterPosition(null, BigInt(5))).toBe(BigInt(5));
    expect(laterPosition(BigInt(5), BigInt(7))).toBe(BigInt(7));
  });

  it("a request must read at or after the later of its header and its cookie; malformed ones count as none", () => {
    const headers = (entries: Record<string, string>) => new Headers(entries);
    expect(readPositionOf(headers({}))).toBeNull();
    expect(readPositionOf(headers({ [READ_POSITION_HEADER]: "0/10" }))).toBe(BigInt(16));
    expect(readPositionOf(headers({ cookie: `a=b; ${READ_POSITION_COOKIE}=0/20; c=d` }))).toBe(BigInt(32));
    expect(readPositionOf(headers({ [READ_POSITION_HEADER]: "0/30", cookie: `${READ_POSITION_COOKIE}=0/20` }))).toBe(
      BigInt(48),
    );
    expect(
      readPositionOf(headers({ [READ_POSITION_HEADER]: "nonsense", cookie: `${READ_POSITION_COOKIE}=x` })),
    ).toBeNull();
  });

  it("the cookie is HttpOnly, Lax and site-wide, Secure over https", () => {
    expect(serializeReadPositionCookie("0/16B3748", false)).toBe(
      `${READ_POSITION_COOKIE}=0/16B3748; Path=/; Max-Age=86400; HttpOnly; SameSite=Lax`,
    );
    expect(serializeReadPositionCookie("0/1", true)).toMatch(/; Secure$/);
  });

  it("the browser keeps the newest position its live stream carried, ignoring empty ids", () => {
    expect(heardPosition()).toBeNull();
    notePosition("");
    expect(heardPosition()).toBeNull();
    notePosition("0/20");
    notePosition("0/10");
    notePosition("garbage");
    expect(heardPosition()).toBe("0/20");
    notePosition("1/5");
    expect(heardPosition()).toBe("1/5");
  });
});
