import { beforeAll, describe, expect, it } from "vitest";
import { generateEncryptionKey, seal } from "@/lib/crypto/secret-box";
import { applyRuntimeEnv, env } from "@/lib/env";
import { canonicalBaseUrl } from "./canonical-base-url";
import { openUpstreamKey, sealUpstreamKey } from "./upstream-key";

beforeAll(() => {
  if (!env.APP_ENCRYPTION_KEY) applyRuntimeEnv({ APP_ENCRYPTION_KEY: generateEncryptionKey() });
});

describe("a Jobs API key sealed with its base URL", () => {
  it("opens only for the base URL it was entered for, in any spelling of it", () => {
    const sealed = sealUpstreamKey("https://api.rednerapp.com", "sk_live_1");
    expect(sealed).not.toContain("sk_live_1");
    expect(openUpstreamKey(sealed, "https://api.rednerapp.com")).toBe("sk_live_1");
    expect(openUpstreamKey(sealed, "https://API.rednerapp.com:443/")).toBe("sk_live_1");
    expect(openUpstreamKey(sealed, "https://attacker.example")).toBeNull();
    expect(openUpstreamKey(sealed, "https://api.rednerapp.com/v2")).toBeNull();
  });

  it("a key stored before the binding counts as entered for the stored base URL", () => {
    expect(openUpstreamKey(seal("sk_legacy"), "https://api.rednerapp.com")).toBe("sk_legacy");
  });

  it("canonical base URLs", () => {
    expect(canonicalBaseUrl(" HTTPS://Api.Example.com:443/jobs-api// ")).toBe("https://api.example.com/jobs-api");
    expect(canonicalBaseUrl("http://127.0.0.1:4010")).toBe("http://127.0.0.1:4010");
    expect(canonicalBaseUrl("ftp://files.example.com")).toBeNull();
    expect(canonicalBaseUrl("not a url")).toBeNull();
  });
});

describe("JOBS_API_BASE_URLS", () => {
  it("is the vendor's API unless set, and reads a comma-separated list", async () => {
    const { allowedJobsApiBaseUrls } = await import("./allowed-base-urls");
    const before = env.JOBS_API_BASE_URLS.join(",");
    expect(before).toBe("https://api.rednerapp.com");
    try {
      applyRuntimeEnv({
        JOBS_API_BASE_URLS: " https://api.rednerapp.com/ , http://127.0.0.1:4010,https://API.rednerapp.com",
      });
      expect(allowedJobsApiBaseUrls()).toEqual(["https://api.rednerapp.com", "http://127.0.0.1:4010"]);
      expect(() => applyRuntimeEnv({ JOBS_API_BASE_URLS: "ftp://files.example.com" })).toThrow(/JOBS_API_BASE_URLS/);
      expect(() => applyRuntimeEnv({ JOBS_API_BASE_URLS: "https://api.example.com/?key=1" })).toThrow(
        /JOBS_API_BASE_URLS/,
      );
    } finally {
      applyRuntimeEnv({ JOBS_API_BASE_URLS: before });
    }
  });
});
