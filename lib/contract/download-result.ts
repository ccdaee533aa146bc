import { z } from "zod";
import { API_PRODUCTS, type JobStatus } from "@/lib/workflow/workflows";
import { outputUrlProblem } from "./output-url";
import { type ParsedBody, parseJsonObject } from "./parse-json-object";

// POST /v1/jobs/{jobId}/download-result, as the Jobs API documents it, to the letter.
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

/** No workflow has more than a few outputs; a longer list is not an answer this portal acts on. */
export const MAX_OUTPUTS = 1000;

// The wire shape: http(s) URLs only. Which origins and addresses are allowed depends on the
// workspace's upstream, so an upstream's answer is checked with upstreamDownloadResultSchema.
export const downloadOutputSchema = z.object({
  outputIndex: z.number().int().min(0).optional(),
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
  expiresAt: z.iso.datetime(),
  sizeBytes: z.number().int().min(0),
});
export type DownloadOutput = z.infer<typeof downloadOutputSchema>;

export const downloadOutputsSchema = z.array(downloadOutputSchema).max(MAX_OUTPUTS);

export const downloadResultResponseSchema = z.object({
  jobId: z.string(),
  apiProduct: z.enum(API_PRODUCTS),
  expiresAt: z.iso.datetime(),
  outputs: downloadOutputsSchema,
});
export type DownloadResultResponse = z.infer<typeof downloadResultResponseSchema>;

/** Adds an issue at `outputs.N.url` for each output URL the workspace's upstream may not hand out (output-url.ts). */
export function checkOutputUrls(
  outputs: readonly { url: string }[] | undefined,
  upstreamOrigin: string | null,
  ctx: z.RefinementCtx,
  path: (string | number)[] = [],
): void {
  outputs?.forEach((output, position) => {
    const problem = outputUrlProblem(output.url, upstreamOrigin);
    if (problem) ctx.addIssue({ code: "custom", path: [...path, "outputs", position, "url"], message: problem });
  });
}

/** An upstream's download-result answer, its output URLs checked against the workspace's upstream origin. */
export function upstreamDownloadResultSchema(upstreamOrigin: string | null) {
  return downloadResultResponseSchema.superRefine((result, ctx) =>
    checkOutputUrls(result.outputs, upstreamOrigin, ctx),
  );
}

/**
 * Parses a raw request body (text) into the request, or the documented message for what is wrong.
 * The empty body is valid; anything that is not a JSON object is refused.
 */
export function parseDownloadResultBody(text: string): ParsedBody<DownloadResultRequest> {
  if (text.trim() === "") return { ok: true, value: { expirationSeconds: DEFAULT_EXPIRATION_SECONDS } };
  const json = parseJsonObject(text);
  if (!json.ok) return json;
  const parsed = downloadResultRequestSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, message: DOWNLOAD_MESSAGES.badExpiration };
  return { ok: true, value: parsed.data };
}
