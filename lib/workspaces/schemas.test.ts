import { describe, expect, it } from "vitest";
import { connectionInputSchemaFor } from "./schemas";

const ALLOWED = ["https://api.rednerapp.com", "http://127.0.0.1:4010"];
const parse = (input: unknown, allowed = ALLOWED) => connectionInputSchemaFor(allowed).safeParse(input);

describe("connectionInputSchemaFor", () => {
  it("accepts an allowed base URL in any spelling and stores its canonical one", () => {
    expect(parse({ baseUrl: " https://API.rednerapp.com/ " }).data).toEqual({ baseUrl: "https://api.rednerapp.com" });
    expect(parse({ baseUrl: "https://api.rednerapp.com:443" }).data?.baseUrl).toBe("https://api.rednerapp.com");
    expect(parse({ baseUrl: "http://127.0.0.1:4010//" }).data?.baseUrl).toBe("http://127.0.0.1:4010");
  });

  it("refuses every other base URL, naming the allowed ones", () => {
    for (const baseUrl of [
      "https://evil.example.com",
      "http://127.0.0.1:4011",
      "http://169.254.169.254",
      "not a url",
      "javascript:alert(1)",
      "https://api.rednerapp.com/v2",
    ]) {
      const result = parse({ baseUrl });
      expect(result.success, baseUrl).toBe(false);
      expect(result.error?.issues[0].path).toEqual(["baseUrl"]);
      expect(result.error?.issues[0].message).toBe(
        "Choose one of the Jobs API base URLs this deployment allows: https://api.rednerapp.com, http://127.0.0.1:4010",
      );
    }
    expect(parse({ baseUrl: "https://evil.example.com" }, ["https://api.rednerapp.com"]).error?.issues[0].message).toBe(
      "This deployment connects only to https://api.rednerapp.com",
    );
    expect(parse({ baseUrl: "  " }).error?.issues[0].message).toBe("Choose the Jobs API base URL");
  });

  it("treats an empty API key as 'keep the stored one'", () => {
    const baseUrl = ALLOWED[0];
    expect(parse({ baseUrl, apiKey: "" }).data).toEqual({ baseUrl });
    expect(parse({ baseUrl, apiKey: "   " }).data?.apiKey).toBeUndefined();
    expect(parse({ baseUrl, apiKey: " sk_live_123 " }).data?.apiKey).toBe("sk_live_123");
  });

  it("refuses keys with spaces or control characters", () => {
    const baseUrl = ALLOWED[0];
    expect(parse({ baseUrl, apiKey: "two words" }).success).toBe(false);
    expect(parse({ baseUrl, apiKey: "key\u0000" }).success).toBe(false);
    expect(parse({ baseUrl, apiKey: "x".repeat(513) }).success).toBe(false);
  });
});
