import { z } from "zod";
import { API_PRODUCTS, type JobStatus } from "@/lib/workflow/workflows";
import { parseJsonObject, type ParsedBody } from "./parse-json-object";

// POST /v1/jobs/{jobId}/download-result, as the seed documents it, to the letter.
export const MIN_EXPIRATION_SECONDS = 60;
export const MAX_EXPIRATION_SECONDS = 604800;
export const DEFAULT_EXPIRATION_SECONDS = 3600;

export const DOWNLOAD_MESSAGES = {
  notFound: "Job not found",
  failed: "Job failed. No output files available.",
  badExpiration: "Expiration time must be between 60 and 604800 seconds",
  notCompleted: (status: JobStatus | string) => `Job is not completed yet. Current status: ${status}`,
} as const;

const expirationSecondsSchema = z
  .number({ error: DOWNLOAD_MESSAGES.badExpiration })
  .int({ error: DOWNLOAD_MESSAGES.badExpiration })
  .min(MIN_EXPIRATION_SECONDS, { error: DOWNLOAD_MESSAGES.badExpiration })
  .max(MAX_EXPIRATION_SECONDS, { error: DOWNLOAD_MESSAGES.badExpiration });

/** The request body; an empty body means the default expiration. */
export const downloadResultRequestSchema = z.object({
  expirationSeconds: expirationSecondsSchema.optional().default(DEFAULT_EXPIRATION_SECONDS),
});
export type DownloadResultRequest = z.infer<typeof downloadResultRequestSchema>;

export const downloadOutputSchema = z.object({
  outputIndex: z.number().int().min(0).optional(),
  url: z.url(),
  expiresAt: z.iso.datetime(),
  sizeBytes: z.number().int().min(0),
});
export type DownloadOutput = z.infer<typeof downloadOutputSchema>;

export const downloadResultResponseSchema = z.object({
  jobId: z.string(),
  apiProduct: z.enum(API_PRODUCTS),
  expiresAt: z.iso.datetime(),
  outputs: z.array(downloadOutputSchema),
});
export type DownloadResultResponse = z.infer<typeof downloadResultResponseSchema>;

/**
 * Parses a raw request body (text) into the request, or the seed's message for what is wrong.
 * The empty body is valid; anything that is not a JSON object is refused.
 */
export function parseDownloadResultBody(
  text: string,
): ParsedBody<DownloadResultRequest> {
  if (text.trim() === "") return { ok: true, value: { expirationSeconds: DEFAULT_EXPIRATION_SECONDS } };
  const json = parseJsonObject(text);
  if (!json.ok) return json;
  const parsed = downloadResultRequestSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, message: DOWNLOAD_MESSAGES.badExpiration };
  return { ok: true, value: parsed.data };
}
