import { describe, expect, it } from "vitest";
import { formatBytes, formatCost, formatCount, formatElapsed, formatMediaDuration, formatRelative } from "./format";

describe("format", () => {
  it("formats bytes in binary units", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(12458)).toBe("12.2 KB");
    expect(formatBytes(45678901)).toBe("43.6 MB");
    expect(formatBytes(200 * 1024)).toBe("200 KB");
  });

  it("formats media durations", () => {
    expect(formatMediaDuration(null)).toBe("—");
    expect(formatMediaDuration(45.4)).toBe("45s");
    expect(formatMediaDuration(125.5)).toBe("2m 06s");
    expect(formatMediaDuration(3725)).toBe("1h 02m");
  });

  it("formats step times", () => {
    expect(formatElapsed(420)).toBe("under 1s");
    expect(formatElapsed(4_000)).toBe("4s");
    expect(formatElapsed(184_000)).toBe("3m 04s");
  });

  it("formats costs and counts", () => {
    expect(formatCost(2.51)).toBe("2.51");
    expect(formatCost(0.1234)).toBe("0.1234");
    expect(formatCost(null)).toBe("—");
    expect(formatCount(10000, true)).toBe("10,000+");
  });

  it("formats relative times", () => {
    const now = Date.parse("2026-11-28T10:00:00Z");
    expect(formatRelative("2026-11-28T09:59:55Z", now)).toBe("just now");
    expect(formatRelative("2026-11-28T10:00:40Z", now)).toBe("just now");
    expect(formatRelative("2026-11-28T09:55:00Z", now)).toBe("5 minutes ago");
    expect(formatRelative("2026-11-28T11:00:00Z", now)).toBe("in 1 hour");
    expect(formatRelative("2026-11-26T10:00:00Z", now)).toBe("2 days ago");
    expect(formatRelative("2026-11-28T09:55:00Z", now, "narrow")).toBe("5m ago");
  });
});
