import { z } from "zod";
import { jobFiltersSchema, listJobsQuerySchema } from "@/lib/jobs/schemas";
import type { StepState } from "@/lib/workflow/timeline";
import {
  API_PRODUCTS,
  FAILURE_STATUSES,
  JOB_STATES,
  JOB_STATUSES,
  OUTPUT_KINDS,
  STEP_STATUSES,
} from "@/lib/workflow/workflows";

// The /v1 API's own shapes: a public contract, so fields are listed one by one (nothing the
// portal's pages add leaks into it) and the OpenAPI document is generated from these schemas.

/** `GET /v1/jobs?cursor=&limit=&apiProduct=&status=`; the list's own parsing rules, renamed. */
export const v1ListJobsQuerySchema = z.object({
  cursor: listJobsQuerySchema.shape.after,
  limit: listJobsQuerySchema.shape.limit,
  apiProduct: jobFiltersSchema.shape.apiProduct,
  status: jobFiltersSchema.shape.status,
});
export type V1ListJobsQuery = z.output<typeof v1ListJobsQuerySchema>;

const timestamp = z.iso.datetime();

export const v1JobSchema = z.object({
  jobId: z.string().meta({ description: "The job's id as the Jobs API issued it", examples: ["job_abc123"] }),
  apiProduct: z.enum(API_PRODUCTS),
  status: z.enum(JOB_STATUSES),
  state: z.enum(JOB_STATES).meta({ description: "Coarse state: in_progress, completed, failed or rejected" }),
  progress: z
    .object({ step: z.int().min(1), total: z.int().min(1) })
    .meta({ description: "Step n of N of the workflow; a failed job reports the last step it reached" }),
  duration: z.number().nullable().meta({ description: "Seconds of media, as the Jobs API reports it" }),
  cost: z.number().nullable(),
  wordCount: z.int().nullable(),
  failureReason: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp.meta({ description: "When the status last moved forward" }),
  completedAt: timestamp.nullable(),
});
export type V1Job = z.infer<typeof v1JobSchema>;

const STEP_STATES = ["done", "current", "upcoming", "skipped", "failed"] as const satisfies readonly StepState[];

export const v1TimelineStepSchema = z.object({
  status: z.enum(STEP_STATUSES),
  state: z.enum(STEP_STATES).meta({ description: "skipped: a translate job from SRT skips transcription" }),
  reachedAt: timestamp.nullable(),
  durationMs: z.int().min(0).nullable(),
});

export const v1JobDetailSchema = v1JobSchema.extend({
  timeline: z.array(v1TimelineStepSchema).meta({ description: "The workflow's steps in order" }),
  failure: z
    .object({
      status: z.enum(FAILURE_STATUSES),
      atStep: z.enum(STEP_STATUSES),
      at: timestamp.nullable(),
      reason: z.string().nullable(),
    })
    .nullable(),
  outputs: z
    .array(z.object({ outputIndex: z.int().min(0), sizeBytes: z.int().min(0), kind: z.enum(OUTPUT_KINDS) }))
    .meta({ description: "Output files; links come from download-result" }),
});
export type V1JobDetail = z.infer<typeof v1JobDetailSchema>;

export const v1JobListSchema = z.object({
  data: z.array(v1JobSchema),
  nextCursor: z.string().nullable().meta({ description: "Pass as ?cursor= for the next page; null on the last page" }),
});
export type V1JobList = z.infer<typeof v1JobListSchema>;
