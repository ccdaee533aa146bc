import { type ApiProduct, eventForStatus, type JobStatus } from "@/lib/workflow/workflows";

// Payloads as the upstream sends them (Jobs API documentation, "Webhook Payload Example"), for
// the ingest tests.
export const T0 = Date.parse("2025-12-07T12:00:00Z");
export const PRESIGNED_QUERY = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=deadbeefcafe&X-Amz-Expires=3600";

export interface SamplePayload {
  event: string;
  timestamp: string;
  data: Record<string, unknown> & { jobId: string; status?: string; apiProduct: ApiProduct };
}

export function samplePayload(
  product: ApiProduct,
  status: JobStatus,
  jobId: string,
  at: number,
  extra: Record<string, unknown> = {},
): SamplePayload {
  return {
    event: eventForStatus(product, status),
    timestamp: new Date(at).toISOString().replace(".000Z", "Z"),
    data: { jobId, status, apiProduct: product, ...extra },
  };
}

export function sampleOutput(path: string, sizeBytes: number, outputIndex?: number) {
  return {
    ...(outputIndex === undefined ? {} : { outputIndex }),
    url: `https://s3.amazonaws.com/bucket/${path}?${PRESIGNED_QUERY}`,
    expiresAt: "2025-12-07T13:34:56Z",
    sizeBytes,
  };
}

/** The nine events of a dub job, in workflow order, ten seconds apart; figures on some of them. */
export function dubJobEvents(jobId: string, start = T0): SamplePayload[] {
  const steps: Array<[JobStatus, Record<string, unknown>]> = [
    ["created", {}],
    ["transcribing", { duration: 125.5 }],
    ["transcribed", { duration: 125.5, wordCount: 1200 }],
    ["translating", {}],
    ["translated", { wordCount: 1200 }],
    ["dubbing", {}],
    ["dubbed", {}],
    ["merging", {}],
    ["merged", { duration: 125.5, cost: 2.51, outputs: [sampleOutput(`${jobId}/dubbed.mp4`, 45_678_901)] }],
  ];
  return steps.map(([status, extra], index) => samplePayload("dub", status, jobId, start + index * 10_000, extra));
}

/** A dub job that fails during transcription. */
export function failedDubJobEvents(jobId: string, start = T0): SamplePayload[] {
  return [
    samplePayload("dub", "created", jobId, start),
    samplePayload("dub", "transcribing", jobId, start + 10_000, { duration: 60 }),
    samplePayload("dub", "failed", jobId, start + 20_000, { reason: "Audio track could not be decoded" }),
  ];
}
