import { z } from "zod";

// The upstream connection form and PUT /api/settings/connection share this schema.
export const connectionInputSchema = z.object({
  baseUrl: z
    .string()
    .trim()
    .min(1, "Enter the Jobs API base URL")
    .max(2048, "Use a shorter URL")
    .pipe(z.url({ protocol: /^https?$/, error: "Enter a URL starting with http:// or https://" }))
    .refine((url) => !/[?#]/.test(url), "Leave out the query string and fragment")
    // Paths are appended to it (`/v1/jobs/...`), so a trailing slash would double.
    .transform((url) => url.replace(/\/+$/, "")),
  /** Empty keeps the stored key: the browser never sees it, so it cannot send it back. */
  apiKey: z
    .string()
    .trim()
    .max(512, "That key is too long")
    .regex(/^[\x21-\x7e]*$/, "API keys contain no spaces or special characters")
    .optional()
    .transform((key) => key || undefined),
});
export type ConnectionInput = z.infer<typeof connectionInputSchema>;
