import { describe, expect, it } from "vitest";
import { deriveDedupeKey } from "./derive-dedupe-key";

const payload = (overrides: Record<string, unknown> = {}, data: Record<string, unknown> = {}) => ({
  event: "job.processing",
  timestamp: "2025-12-07T12:00:05Z",
  data: { jobId: "job_1", status: "transcribing", apiProduct: "transcribe", ...data },
  ...overrides,
});

describe("deriveDedupeKey", () => {
  it("is the same for the same event whatever else differs (key order, figures, the signing around it)", () => {
    const key = deriveDedupeKey(payload());
    expect(key).toMatch(/^payload_[A-Za-z0-9_-]{43}$/);
    expect(deriveDedupeKey(JSON.parse(JSON.stringify(payload())))).toBe(key);
    expect(
      deriveDedupeKey({
        data: { status: "transcribing", jobId: "job_1" },
        timestamp: "2025-12-07T12:00:05Z",
        event: "job.processing",
      }),
    ).toBe(key);
    expect(deriveDedupeKey(payload({}, { duration: 12 }))).toBe(key);
  });

  it("differs when the job, event, status or payload timestamp differs", () => {
    const key = deriveDedupeKey(payload());
    expect(deriveDedupeKey(payload({}, { jobId: "job_2" }))).not.toBe(key);
    expect(deriveDedupeKey(payload({ event: "job.completed" }))).not.toBe(key);
    expect(deriveDedupeKey(payload({}, { status: "transcribed" }))).not.toBe(key);
    expect(deriveDedupeKey(payload({ timestamp: "2025-12-07T12:00:06Z" }))).not.toBe(key);
  });

  it("does not confuse parts that run together", () => {
    expect(deriveDedupeKey(payload({ event: "a" }, { jobId: "b.c" }))).not.toBe(
      deriveDedupeKey(payload({ event: "a.b" }, { jobId: "c" })),
    );
  });

  it("copes with payloads that are not objects (the contract check refuses them later)", () => {
    expect(deriveDedupeKey(null)).toMatch(/^payload_/);
    expect(deriveDedupeKey([1, 2])).toMatch(/^payload_/);
    expect(deriveDedupeKey({ data: "x" })).toMatch(/^payload_/);
  });
});
