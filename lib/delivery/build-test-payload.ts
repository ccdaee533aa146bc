import type { DownloadOutput } from "@/lib/contract/download-result";
import {
  type ApiProduct,
  isFailureStatus,
  type JobEventType,
  type JobStatus,
  WORKFLOWS,
} from "@/lib/workflow/workflows";

// The body of a test event: the Jobs API's webhook payload for the chosen event type, about a job
// of the workspace's when one is given, else about an unmistakable sample (a job_test_… id and
// example.com links). Pure: the clock, the sample's id and the links come in.
export interface TestJob {
  id: string;
  apiProduct: ApiProduct;
  status: JobStatus;
  duration: number | null;
  cost: number | null;
  wordCount: number | null;
}

export interface TestPayloadInput {
  eventType: JobEventType;
  now: Date;
  /** The job to base it on; null: the sample. */
  job: TestJob | null;
  /** For job.completed: the job's fresh links; null: example.com links in the workflow's shape. */
  outputs: readonly DownloadOutput[] | null;
  /** The sample job's id (random in use, fixed in tests). */
  sampleJobId: string;
}

const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** The status an event of this type carries for this workflow: a processing event keeps the job's own step when it has one. */
export function statusForEvent(eventType: JobEventType, product: ApiProduct, current: JobStatus | null): JobStatus {
  const { steps, completed } = WORKFLOWS[product];
  switch (eventType) {
    case "job.created":
      return "created";
    case "job.completed":
      return completed;
    case "job.failed":
      return "failed";
    case "job.processing":
      return current &&
        current !== "created" &&
        current !== completed &&
        !isFailureStatus(current) &&
        steps.includes(current as never)
        ? current
        : steps[1];
  }
}

function sampleOutputs(product: ApiProduct, jobId: string, nowMs: number): DownloadOutput[] {
  const expiresAt = isoSeconds(nowMs + 3_600_000);
  const { output } = WORKFLOWS[product];
  const base = `https://example.com/webhook-test/${jobId}`;
  if (output.indexed)
    return [0, 1].map((outputIndex) => ({
      outputIndex,
      url: `${base}/output_${outputIndex}.srt`,
      expiresAt,
      sizeBytes: 8234 - outputIndex * 343,
    }));
  return [
    {
      url: `${base}/output.${output.kind === "srt" ? "srt" : "mp4"}`,
      expiresAt,
      sizeBytes: output.kind === "srt" ? 12458 : 45678901,
    },
  ];
}

export function buildTestPayload({ eventType, now, job, outputs, sampleJobId }: TestPayloadInput): string {
  const jobId = job?.id ?? sampleJobId;
  const product = job?.apiProduct ?? "transcribe";
  const completed = eventType === "job.completed";
  const figures = completed
    ? job
      ? {
          ...(job.duration !== null && { duration: job.duration }),
          ...(job.wordCount !== null && { wordCount: job.wordCount }),
          ...(job.cost !== null && { cost: job.cost }),
        }
      : { duration: 125.5, cost: 2.51 }
    : {};
  const links = completed ? (outputs ?? sampleOutputs(product, jobId, now.getTime())) : null;
  return JSON.stringify({
    event: eventType,
    timestamp: isoSeconds(now.getTime()),
    data: {
      jobId,
      status: statusForEvent(eventType, product, job?.status ?? null),
      apiProduct: product,
      ...figures,
      ...(links && {
        outputs: links.map(({ outputIndex, url, expiresAt, sizeBytes }) =>
          outputIndex === undefined ? { url, expiresAt, sizeBytes } : { outputIndex, url, expiresAt, sizeBytes },
        ),
      }),
    },
  });
}
