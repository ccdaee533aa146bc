import { z } from "zod";
import {
  DEFAULT_EXPIRATION_SECONDS,
  DOWNLOAD_MESSAGES,
  MAX_EXPIRATION_SECONDS,
  MIN_EXPIRATION_SECONDS,
} from "@/lib/contract/download-result";
import { API_PRODUCTS, JOB_STATES, JOB_STATUSES } from "@/lib/workflow/workflows";

// Query parameters of the job list, shared by the session API, the /v1 API and the Jobs page
// (which keeps them in its URL). Empty strings are what a cleared <select> or search box sends.
export const JOB_SORTS = ["newest", "oldest"] as const;
export type JobSort = (typeof JOB_SORTS)[number];

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

/** A job id or the start of one: the upstream's ids are letters, digits, `_` and `-`. */
export const jobSearchSchema = z
  .string()
  .trim()
  .max(128, { error: "Search by job id: at most 128 characters" })
  .regex(/^[A-Za-z0-9_-]*$/, { error: "Search by job id: letters, digits, '_' and '-' only" });

export const jobFiltersSchema = z.object({
  apiProduct: optional(z.enum(API_PRODUCTS)),
  state: optional(z.enum(JOB_STATES)),
  status: optional(z.enum(JOB_STATUSES)),
  q: optional(jobSearchSchema).transform((value) => value || undefined),
  sort: optional(z.enum(JOB_SORTS)).transform((value) => value ?? "newest"),
});
export type JobFilters = z.output<typeof jobFiltersSchema>;

export const listJobsQuerySchema = jobFiltersSchema
  .extend({
    /** Opaque cursors: `after` pages onward in the chosen sort, `before` pages back. */
    after: optional(z.string().max(200)),
    before: optional(z.string().max(200)),
    limit: optional(z.coerce.number().int().min(1).max(MAX_PAGE_SIZE)).transform((value) => value ?? DEFAULT_PAGE_SIZE),
  })
  .refine((query) => !(query.after && query.before), { error: "Use either after or before, not both" });
export type ListJobsQuery = z.output<typeof listJobsQuerySchema>;

/** `?before=` of a job's events: the cursor of the previous page. */
export const jobEventsQuerySchema = z.object({
  before: optional(z.string().max(200)),
});

/** `?expirationSeconds=` of the zip download, with the contract's bounds and message. */
export const downloadAllQuerySchema = z.object({
  expirationSeconds: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: DOWNLOAD_MESSAGES.badExpiration })
      .int({ error: DOWNLOAD_MESSAGES.badExpiration })
      .min(MIN_EXPIRATION_SECONDS, { error: DOWNLOAD_MESSAGES.badExpiration })
      .max(MAX_EXPIRATION_SECONDS, { error: DOWNLOAD_MESSAGES.badExpiration })
      .default(DEFAULT_EXPIRATION_SECONDS),
  ),
});

/** Reads a URLSearchParams (server request or client URL) into an object for the schemas above. */
export function searchParamsToObject(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params.entries());
}

/** `?expirationSeconds=` of a fresh link to one output (the player, the raw presigned link). */
export const outputLinkQuerySchema = downloadAllQuerySchema;
