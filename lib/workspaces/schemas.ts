import { z } from "zod";
import { canonicalBaseUrl } from "@/lib/upstream/canonical-base-url";

/** A stored key is only ever sent to the base URL it was entered for (update-connection.ts). */
export const KEY_REQUIRED_FOR_NEW_BASE_URL =
  "Enter the API key again: a key is only sent to the base URL it was entered for";

export function baseUrlNotAllowedMessage(allowedBaseUrls: readonly string[]): string {
  return allowedBaseUrls.length === 1
    ? `This deployment connects only to ${allowedBaseUrls[0]}`
    : `Choose one of the Jobs API base URLs this deployment allows: ${allowedBaseUrls.join(", ")}`;
}

/**
 * The upstream connection form and PUT /api/settings/connection share this schema. The base URL is
 * one of JOBS_API_BASE_URLS (the operator's choice, passed in: the browser gets the list from
 * GET /api/settings/connection), in its canonical spelling.
 */
export function connectionInputSchemaFor(allowedBaseUrls: readonly string[]) {
  return z.object({
    baseUrl: z
      .string({ error: "Choose the Jobs API base URL" })
      .trim()
      .min(1, "Choose the Jobs API base URL")
      .max(2048, "Use a shorter URL")
      .transform((url, ctx) => {
        const canonical = canonicalBaseUrl(url);
        if (canonical === null || !allowedBaseUrls.includes(canonical)) {
          ctx.addIssue({ code: "custom", message: baseUrlNotAllowedMessage(allowedBaseUrls) });
          return z.NEVER;
        }
        return canonical;
      }),
    /** Empty keeps the stored key (for the same base URL only): the browser never sees it, so it cannot send it back. */
    apiKey: z
      .string()
      .trim()
      .max(512, "That key is too long")
      .regex(/^[\x21-\x7e]*$/, "API keys contain no spaces or special characters")
      .optional()
      .transform((key) => key || undefined),
  });
}
export type ConnectionInput = z.infer<ReturnType<typeof connectionInputSchemaFor>>;

const workspaceNameSchema = z
  .string({ error: "Name the workspace" })
  .trim()
  .min(1, "Name the workspace")
  .max(100, "At most 100 characters");

/** POST /api/workspaces and the new-workspace form. */
export const createWorkspaceInputSchema = z.object({ name: workspaceNameSchema });

/** PATCH /api/workspace */
export const renameWorkspaceInputSchema = z.object({ name: workspaceNameSchema });

/** DELETE /api/workspace: the workspace's name typed again, so a slip of the mouse deletes nothing. */
export const deleteWorkspaceInputSchema = z.object({
  confirmName: z.string({ error: "Type the workspace's name" }).max(200),
});
