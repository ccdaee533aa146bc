import { z } from "zod";

// The Jobs API's error envelope: {"error": {"code", "message"}}, shared by the portal, the simulator
// and tests. The portal's own routes may add `details`: the fields a request got wrong, for forms.
export const ERROR_CODES = [
  "INVALID_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "RESOURCE_NOT_FOUND",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "RATE_LIMITED",
  "UPSTREAM_UNAVAILABLE",
  "INTERNAL_ERROR",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const DEFAULT_STATUS: Record<ErrorCode, number> = {
  INVALID_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  RESOURCE_NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UPSTREAM_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
};

/** One field a request got wrong: its path in the input (`url`, `profile.header`, `eventTypes.0`) and what is wrong. */
export const fieldIssueSchema = z.object({ field: z.string(), issue: z.string() });
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const errorEnvelopeSchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), details: z.array(fieldIssueSchema).optional() }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** The envelope; `details` only when there are some, so the documented bodies stay exactly as they are. */
export function errorEnvelope(code: ErrorCode, message: string, details: readonly FieldIssue[] = []): ErrorEnvelope {
  return { error: { code, message, ...(details.length > 0 && { details: [...details] }) } };
}

/** Every problem zod found, one per field (the first), for a form to show under each input. */
export function fieldIssuesOf(error: z.ZodError): FieldIssue[] {
  const issues = new Map<string, string>();
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".");
    if (!issues.has(field)) issues.set(field, issue.message);
  }
  return [...issues].map(([field, issue]) => ({ field, issue }));
}

/** Names the first problem zod found, e.g. `data.status: Invalid option: ...`. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "Invalid request";
  const path = issue.path.map(String).join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}
