import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { parseIngestPayload } from "./schemas";
import { sampleOutput, samplePayload, T0 } from "./testing/sample-events";

function message(payload: unknown, text = JSON.stringify(payload)): string {
  try {
    parseIngestPayload(payload, text);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    return (error as ApiError).message;
  }
  throw new Error("expected a 400");
}

describe("parseIngestPayload", () => {
  it("tells known from future events", () => {
    const known = samplePayload("transcribe", "created", "job_1", T0);
    expect(parseIngestPayload(known, JSON.stringify(known)).kind).toBe("known");
    const future = {
      event: "job.archived",
      timestamp: "2025-12-07T12:00:00Z",
      data: { jobId: "job_1", apiProduct: "dub" },
    };
    expect(parseIngestPayload(future, JSON.stringify(future)).kind).toBe("future");
  });

  it("refuses nesting beyond 64 levels, naming the limit, before any walk over the value", () => {
    const nested = (levels: number) => JSON.parse("[".repeat(levels) + "]".repeat(levels)) as unknown;
    const future = (extra: unknown) => ({
      event: "job.archived",
      timestamp: "2025-12-07T12:00:00Z",
      data: { jobId: "job_1", apiProduct: "dub", extra },
    });
    // Thousands of levels: the case that overflowed the stack (a 500 the sender retried forever).
    const deep = future(nested(5_000));
    expect(message(deep, `{"escaped":"\\u0000"}`)).toBe(
      "The payload must not nest arrays and objects more than 64 levels deep",
    );
    expect(message(future(nested(63)))).toMatch(/64 levels/); // payload and data are 2 levels: 65 in all
    expect(parseIngestPayload(future(nested(62)), "").kind).toBe("future"); // 64: allowed
  });

  it("names the offending field", () => {
    expect(message({ ...samplePayload("dub", "dubbing", "job_1", T0), event: "job.completed" })).toMatch(/^event: /);
    expect(message(samplePayload("transcribe", "dubbing", "job_1", T0))).toMatch(/^data\.status: /);
    expect(message({ ...samplePayload("dub", "created", "job_1", T0), timestamp: "yesterday" })).toMatch(
      /^timestamp: /,
    );
    expect(message(samplePayload("dub", "created", "job 1", T0))).toMatch(/^data\.jobId: /);
    expect(message([])).toMatch(/expected object/);
    expect(
      message({ event: "Job.Archived", timestamp: "2025-12-07T12:00:00Z", data: { jobId: "j", apiProduct: "dub" } }),
    ).toMatch(/^event: /);
  });

  it("refuses what the columns cannot hold", () => {
    expect(message(samplePayload("dub", "merged", "job_1", T0, { cost: 1e9 }))).toMatch(/^data\.cost: /);
    expect(message(samplePayload("dub", "transcribed", "job_1", T0, { wordCount: 2 ** 31 }))).toMatch(
      /^data\.wordCount: /,
    );
    const twice = samplePayload("translate", "translated", "job_1", T0, {
      outputs: [sampleOutput("a.srt", 1, 0), sampleOutput("b.srt", 1, 0)],
    });
    expect(message(twice)).toMatch(/^data\.outputs\.1\.outputIndex: must be unique/);
    const nul = samplePayload("dub", "failed", "job_1", T0, { reason: "bad\u0000byte" });
    expect(message(nul)).toMatch(/u0000/);
    const lone = JSON.stringify(samplePayload("dub", "failed", "job_1", T0, { reason: "x" })).replace(
      '"x"',
      '"\\ud800x"',
    );
    expect(message(JSON.parse(lone), lone)).toMatch(/surrogates/);
    const paired = JSON.stringify(samplePayload("dub", "failed", "job_1", T0, { reason: "x" })).replace(
      '"x"',
      '"\\ud83d\\ude00"',
    );
    expect(parseIngestPayload(JSON.parse(paired), paired).kind).toBe("known");
  });
});
