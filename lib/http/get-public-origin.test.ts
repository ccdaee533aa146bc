import { describe, expect, it } from "vitest";
import { getRequestOrigin } from "./get-request-origin";

const origin = (headers: Record<string, string>) => getRequestOrigin(new Headers(headers));

describe("getRequestOrigin", () => {
  it("uses the Host header", () => {
    expect(origin({ host: "localhost:3100" })).toBe("http://localhost:3100");
  });

  it("prefers a reverse proxy's forwarded host and protocol (first hop)", () => {
    expect(origin({ host: "10.0.0.5:3000", "x-forwarded-host": "portal.example.com, proxy.internal", "x-forwarded-proto": "https,http" })).toBe(
      "https://portal.example.com",
    );
  });

  it("accepts IPv6 literals", () => {
    expect(origin({ host: "[::1]:3000" })).toBe("http://[::1]:3000");
  });

  it.each<Record<string, string>>([{}, { host: "evil.com/path" }, { host: "a b" }, { host: "portal.example.com", "x-forwarded-proto": "javascript" }])(
    "falls back for %j",
    (headers) => {
      expect(origin(headers)).toMatch(/^https?:\/\/[^/]+$/);
      expect(origin(headers)).not.toContain("evil");
    },
  );
});
