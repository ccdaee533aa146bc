import { describe, expect, it } from "vitest";
import { connectionInputSchema } from "./schemas";

const parse = (input: unknown) => connectionInputSchema.safeParse(input);

describe("connectionInputSchema", () => {
  it("accepts http and https base URLs and drops trailing slashes", () => {
    expect(parse({ baseUrl: " https://api.example.com/ " }).data).toEqual({ baseUrl: "https://api.example.com" });
    expect(parse({ baseUrl: "http://127.0.0.1:4010" }).data?.baseUrl).toBe("http://127.0.0.1:4010");
    expect(parse({ baseUrl: "http://[::1]:4010/jobs-api//" }).data?.baseUrl).toBe("http://[::1]:4010/jobs-api");
  });

  it("explains a base URL that is not an http(s) URL", () => {
    for (const baseUrl of ["not a url", "localhost:4010", "ftp://files.example.com", "javascript:alert(1)"]) {
      const result = parse({ baseUrl });
      expect(result.success, baseUrl).toBe(false);
      expect(result.error?.issues[0].path).toEqual(["baseUrl"]);
      expect(result.error?.issues[0].message).toBe("Enter a URL starting with http:// or https://");
    }
    expect(parse({ baseUrl: "  " }).error?.issues[0].message).toBe("Enter the Jobs API base URL");
    expect(parse({ baseUrl: "https://api.example.com/?debug=1" }).error?.issues[0].message).toBe("Leave out the query string and fragment");
  });

  it("treats an empty API key as 'keep the stored one'", () => {
    expect(parse({ baseUrl: "https://a.example", apiKey: "" }).data).toEqual({ baseUrl: "https://a.example" });
    expect(parse({ baseUrl: "https://a.example", apiKey: "   " }).data?.apiKey).toBeUndefined();
    expect(parse({ baseUrl: "https://a.example", apiKey: " sk_live_123 " }).data?.apiKey).toBe("sk_live_123");
  });

  it("refuses keys with spaces or control characters", () => {
    expect(parse({ baseUrl: "https://a.example", apiKey: "two words" }).success).toBe(false);
    expect(parse({ baseUrl: "https://a.example", apiKey: "key\u0000" }).success).toBe(false);
    expect(parse({ baseUrl: "https://a.example", apiKey: "x".repeat(513) }).success).toBe(false);
  });
});
