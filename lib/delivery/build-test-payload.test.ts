import { describe, expect, it } from "vitest";
import { buildTestPayload, statusForEvent } from "./build-test-payload";

const NOW = new Date("2026-12-01T09:00:00.123Z");

describe("buildTestPayload", () => {
  it("the sample: a job_test_ job.completed with example.com links, as the Jobs API documents it", () => {
    expect(
      JSON.parse(
        buildTestPayload({ eventType: "job.completed", now: NOW, job: null, outputs: null, sampleJobId: "job_test_1" }),
      ),
    ).toEqual({
      event: "job.completed",
      timestamp: "2026-12-01T09:00:00Z",
      data: {
        jobId: "job_test_1",
        status: "transcribed",
        apiProduct: "transcribe",
        duration: 125.5,
        cost: 2.51,
        outputs: [
          {
            url: "https://example.com/webhook-test/job_test_1/output.srt",
            expiresAt: "2026-12-01T10:00:00Z",
            sizeBytes: 12458,
          },
        ],
      },
    });
  });

  it("about a job: its id, product and figures; translate's files indexed; no outputs before completion", () => {
    const job = {
      id: "job_t",
      apiProduct: "translate" as const,
      status: "translating" as const,
      duration: 61,
      cost: null,
      wordCount: 900,
    };
    const completed = JSON.parse(
      buildTestPayload({ eventType: "job.completed", now: NOW, job, outputs: null, sampleJobId: "unused" }),
    );
    expect(completed.data).toMatchObject({
      jobId: "job_t",
      status: "translated",
      apiProduct: "translate",
      duration: 61,
      wordCount: 900,
    });
    expect(completed.data.outputs.map((output: { outputIndex: number }) => output.outputIndex)).toEqual([0, 1]);
    const created = JSON.parse(
      buildTestPayload({ eventType: "job.created", now: NOW, job, outputs: null, sampleJobId: "unused" }),
    );
    expect(created).toEqual({
      event: "job.created",
      timestamp: "2026-12-01T09:00:00Z",
      data: { jobId: "job_t", status: "created", apiProduct: "translate" },
    });
  });

  it("a processing event keeps the job's own step, or takes the workflow's first", () => {
    expect(statusForEvent("job.processing", "dub", "dubbing")).toBe("dubbing");
    expect(statusForEvent("job.processing", "dub", "merged")).toBe("transcribing");
    expect(statusForEvent("job.processing", "voiceover", null)).toBe("dubbing");
    expect(statusForEvent("job.failed", "voiceover", "dubbing")).toBe("failed");
  });
});
