import { describe, expect, it } from "vitest";
import { toSafeCallbackUrl } from "./safe-callback-url";

describe("toSafeCallbackUrl", () => {
  it("keeps paths on this portal, with their query", () => {
    expect(toSafeCallbackUrl("/settings")).toBe("/settings");
    expect(toSafeCallbackUrl("/jobs/job_abc?tab=events")).toBe("/jobs/job_abc?tab=events");
  });

  it("falls back to the Jobs page for anything that could leave the site or loop", () => {
    for (const value of [
      "https://evil.example",
      "//evil.example/x",
      "/\\evil.example",
      "javascript:alert(1)",
      "settings",
      "/sign-in",
      "/sign-up?x=1",
      "/api/auth/signout",
      "",
    ]) {
      expect(toSafeCallbackUrl(value), value).toBe("/jobs");
    }
    expect(toSafeCallbackUrl(undefined)).toBe("/jobs");
    expect(toSafeCallbackUrl(["/settings", "/jobs"])).toBe("/jobs");
  });
});
