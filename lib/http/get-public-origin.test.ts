import { afterEach, describe, expect, it } from "vitest";
import { applyRuntimeEnv, env } from "@/lib/env";
import { getPublicOrigin } from "./get-public-origin";

const origin = (headers: Record<string, string>) => getPublicOrigin(new Headers(headers));

// The env module reads process.env once; a test that needs NEXTAUTH_URL unset clears it there and reloads.
function setNextAuthUrl(value: string | undefined): void {
  if (value === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = value;
  applyRuntimeEnv({});
  // Reloading adds what is set and leaves what is gone: unset it in the loaded env too.
  if (value === undefined) delete (env as { NEXTAUTH_URL?: string }).NEXTAUTH_URL;
}
const configured = env.NEXTAUTH_URL;
afterEach(() => setNextAuthUrl(configured));

describe("getPublicOrigin", () => {
  it("is NEXTAUTH_URL's origin when it is set, whatever the request says", () => {
    setNextAuthUrl("https://portal.example.com/some/path");
    expect(origin({ host: "10.0.0.5:3000", "x-forwarded-host": "evil.example" })).toBe("https://portal.example.com");
    expect(getPublicOrigin()).toBe("https://portal.example.com");
  });

  describe("without NEXTAUTH_URL", () => {
    it("uses the Host header", () => {
      setNextAuthUrl(undefined);
      expect(origin({ host: "localhost:3100" })).toBe("http://localhost:3100");
    });

    it("prefers a reverse proxy's forwarded host and protocol (first hop)", () => {
      setNextAuthUrl(undefined);
      expect(
        origin({
          host: "10.0.0.5:3000",
          "x-forwarded-host": "portal.example.com, proxy.internal",
          "x-forwarded-proto": "https,http",
        }),
      ).toBe("https://portal.example.com");
    });

    it("accepts IPv6 literals", () => {
      setNextAuthUrl(undefined);
      expect(origin({ host: "[::1]:3000" })).toBe("http://[::1]:3000");
    });

    it.each<Record<string, string>>([
      {},
      { host: "evil.com/path" },
      { host: "a b" },
      { host: "portal.example.com", "x-forwarded-proto": "javascript" },
    ])("falls back to localhost for %j, and mails (no headers) always do", (headers) => {
      setNextAuthUrl(undefined);
      expect(origin(headers)).toBe(`http://localhost:${env.PORT}`);
      expect(getPublicOrigin()).toBe(`http://localhost:${env.PORT}`);
    });
  });
});
