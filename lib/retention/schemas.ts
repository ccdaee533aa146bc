import { z } from "zod";

// Settings → Retention: how many days a workspace keeps its events, deliveries and attempts.
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;
export const DEFAULT_RETENTION_DAYS = 90;

export const retentionInputSchema = z.object({
  days: z
    .number({ error: "Enter a number of days" })
    .int("Enter a whole number of days")
    .min(MIN_RETENTION_DAYS, `Keep history for at least ${MIN_RETENTION_DAYS} day`)
    .max(MAX_RETENTION_DAYS, `Keep history for at most ${MAX_RETENTION_DAYS} days (10 years)`),
});

export type RetentionInput = z.infer<typeof retentionInputSchema>;
