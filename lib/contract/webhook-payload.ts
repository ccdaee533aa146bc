import { z } from "zod";
import { API_PRODUCTS, belongsToWorkflow, eventForStatus, JOB_EVENTS, JOB_STATUSES } from "@/lib/workflow/workflows";
import { downloadOutputsSchema } from "./download-result";

// The Jobs API's webhook payload: {"event", "timestamp", "data": {...}}.
export const jobIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, { error: "must contain only letters, digits, '_' and '-'" });

export const webhookDataSchema = z.object({
  jobId: jobIdSchema,
  status: z.enum(JOB_STATUSES),
  apiProduct: z.enum(API_PRODUCTS),
  duration: z.number().min(0).optional(),
  wordCount: z.number().int().min(0).optional(),
  cost: z.number().min(0).optional(),
  outputs: downloadOutputsSchema.optional(),
  /** Why a job failed or was rejected; the upstream may send it with job.failed. */
  reason: z.string().max(2000).optional(),
});
export type WebhookData = z.infer<typeof webhookDataSchema>;

const knownEventSchema = z
  .object({
    event: z.enum(JOB_EVENTS),
    timestamp: z.iso.datetime({ offset: true }),
    data: webhookDataSchema,
  })
  .superRefine((payload, ctx) => {
    const { apiProduct, status } = payload.data;
    if (!belongsToWorkflow(apiProduct, status)) {
      ctx.addIssue({
        code: "custom",
        path: ["data", "status"],
        message: `'${status}' is not a status of the ${apiProduct} workflow`,
      });
      return;
    }
    const expected = eventForStatus(apiProduct, status);
    if (payload.event !== expected) {
      ctx.addIssue({
        code: "custom",
        path: ["event"],
        message: `status '${status}' of a ${apiProduct} job is sent as '${expected}'`,
      });
    }
  });

/** A payload of an event this portal knows. */
export const webhookPayloadSchema = knownEventSchema;
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

/**
 * An event type added upstream after this portal was written: kept and acknowledged, never applied.
 * It still has to name a job so that it can be shown on that job's timeline.
 */
export const futureEventSchema = z.object({
  event: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z]+(\.[a-z_]+)+$/),
  timestamp: z.iso.datetime({ offset: true }),
  data: z.looseObject({
    jobId: jobIdSchema,
    apiProduct: z.enum(API_PRODUCTS),
    status: z.string().max(64).optional(),
  }),
});
export type FutureEventPayload = z.infer<typeof futureEventSchema>;

export function isKnownEvent(event: unknown): boolean {
  return typeof event === "string" && (JOB_EVENTS as readonly string[]).includes(event);
}
