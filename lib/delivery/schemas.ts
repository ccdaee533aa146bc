import { z } from "zod";

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
