import { z } from "zod";
import { ROUTE_ID_PATTERN } from "@/lib/http/parse-route-params";
import { JOB_EVENTS } from "@/lib/workflow/workflows";

// Query and body schemas of the delivery log routes: paging, and replaying failed deliveries.

/** A moment in the past, as the replay form's date-time picker sends it (ISO 8601 with offset). */
const sinceSchema = z.iso
  .datetime({ offset: true, error: "Give the start time as an ISO 8601 date-time" })
  .transform((text) => new Date(text))
  .refine((date) => date.getTime() <= Date.now(), { error: "Choose a time in the past" });

export const replayQuerySchema = z.object({ since: sinceSchema });
export const replayBodySchema = z.object({ since: sinceSchema });

export const deliveriesQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
});

/** POST /api/webhook-endpoints/{endpointId}/test: which event, and optionally which of the workspace's jobs it is about. */
export const testEventBodySchema = z.object({
  eventType: z.enum(JOB_EVENTS, { error: `eventType: one of ${JOB_EVENTS.join(", ")}` }).default("job.completed"),
  jobId: z.string().regex(ROUTE_ID_PATTERN, { error: "jobId: not a job id" }).optional(),
});
export type TestEventInput = z.output<typeof testEventBodySchema>;
