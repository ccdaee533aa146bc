import { describe, expect, it } from "vitest";
import { jobActivityPayloadSchema, toActivityPayloads } from "./job-activity";

describe("toActivityPayloads", () => {
  it("names each job once, in arrays under PostgreSQL's payload limit", () => {
    const activities = Array.from({ length: 500 }, (_, n) => ({
      workspaceId: "ws_1",
      jobId: `job_${n % 250}_${"x".repeat(40)}`,
    }));
    const payloads = toActivityPayloads(activities);
    expect(payloads.length).toBeGreaterThan(1);
    expect(payloads.every((payload) => Buffer.byteLength(payload) < 8_000)).toBe(true);
    const jobs = payloads.flatMap((payload) =>
      jobActivityPayloadSchema.parse(JSON.parse(payload)).map((activity) => activity.jobId),
    );
    expect(jobs).toHaveLength(250);
    expect(new Set(jobs).size).toBe(250);
  });

  it("nothing to say, no payload", () => {
    expect(toActivityPayloads([])).toEqual([]);
  });
});
