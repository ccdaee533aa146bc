import { describe, expect, it } from "vitest";
import {
  deliveryStatusStyle,
  formatDelay,
  formatLatency,
  formatSuccessRate,
  statusCodeTone,
  successRateTone,
} from "./format-delivery";

describe("delivery presentation", () => {
  it("tells a retry from a first attempt still to come", () => {
    expect(deliveryStatusStyle({ status: "pending", attemptCount: 0 }).label).toBe("Pending");
    expect(deliveryStatusStyle({ status: "pending", attemptCount: 2 }).label).toBe("Retrying");
    expect(deliveryStatusStyle({ status: "failed", attemptCount: 8 }).tone).toBe("danger");
  });

  it("formats the retry schedule's delays", () => {
    expect([0, 5_000, 300_000, 305_000, 1_800_000, 7_200_000, 9_300_000, 99_305_000].map(formatDelay)).toEqual([
      "at once",
      "5 s",
      "5 min",
      "5 min 5 s",
      "30 min",
      "2 h",
      "2 h 35 min",
      "27 h 35 min",
    ]);
  });

  it("formats latencies, rates and answer codes", () => {
    expect([formatLatency(84.4), formatLatency(1234), formatLatency(12_400)]).toEqual(["84 ms", "1.2 s", "12 s"]);
    expect([formatSuccessRate(null), formatSuccessRate(1), formatSuccessRate(0), formatSuccessRate(2 / 3)]).toEqual([
      "—",
      "100%",
      "0%",
      "66.7%",
    ]);
    expect([successRateTone(0.99), successRateTone(0.7), successRateTone(0.1), successRateTone(null)]).toEqual([
      "success",
      "warning",
      "danger",
      "neutral",
    ]);
    expect([
      statusCodeTone(204),
      statusCodeTone(404),
      statusCodeTone(410),
      statusCodeTone(502),
      statusCodeTone(null),
    ]).toEqual(["success", "warning", "danger", "danger", "danger"]);
  });
});
