import { describe, expect, it } from "vitest";
import { arrivalLagMs, formatLag, isLagging } from "./arrival-lag";

describe("arrival lag", () => {
  it("measures from the Jobs API's timestamp to the portal's, never negative", () => {
    expect(arrivalLagMs({ occurredAt: "2026-01-01T00:00:00Z", receivedAt: "2026-01-01T00:00:02.500Z" })).toBe(2_500);
    expect(arrivalLagMs({ occurredAt: "2026-01-01T00:00:03Z", receivedAt: "2026-01-01T00:00:02Z" })).toBe(0);
  });

  it("reads as a person would say it", () => {
    expect(formatLag(400)).toBe("under 1s");
    expect(formatLag(4_200)).toBe("4.2s");
    expect(formatLag(42_000)).toBe("42s");
    expect(formatLag(125_000)).toBe("2m 05s");
    expect(formatLag(3 * 3_600_000 + 10 * 60_000)).toBe("3h 10m");
  });

  it("warns from a minute on", () => {
    expect(isLagging(59_999)).toBe(false);
    expect(isLagging(60_000)).toBe(true);
  });
});
