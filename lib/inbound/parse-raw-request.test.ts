import { describe, expect, it } from "vitest";
import { parseRawRequest } from "./parse-raw-request";

describe("parseRawRequest", () => {
  it("reads headers one per line, with or without a request line, as curl -v shows them too", () => {
    const plain = parseRawRequest("Content-Type: application/json\nX-Signature:  abc \n");
    expect(plain.headers.get("x-signature")).toBe("abc");
    expect(plain.urlToken).toBeNull();
    const withLine = parseRawRequest(
      "POST /api/webhooks/demo/tok_123 HTTP/1.1\r\nHost: portal\r\n\r\nignored: after the blank line",
    );
    expect(withLine.urlToken).toBe("tok_123");
    expect(withLine.headers.get("ignored")).toBeNull();
    const curl = parseRawRequest("> POST /api/webhooks/demo HTTP/1.1\n> Host: x\n> X-Hub-Signature-256: sha256=ab");
    expect(curl.urlToken).toBeNull();
    expect(curl.headers.get("x-hub-signature-256")).toBe("sha256=ab");
  });

  it("names the line that is not a header", () => {
    expect(() => parseRawRequest("X-Ok: 1\nnot a header")).toThrow("headers: line 2 is not a header (Name: value)");
  });
});
