import type { z } from "zod";
import { containsUnstorableText, UNSTORABLE_MESSAGE } from "@/lib/contract/unstorable-text";
import { ApiError, invalidRequest } from "@/lib/http/api-error";

/**
 * The request's JSON body validated by a schema; anything else is a 400 in the error envelope.
 * The wrapper has capped the body: its 413 comes through as it is.
 */
export async function parseJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): Promise<z.output<Schema>> {
  const text = await request.text().catch((error: unknown) => {
    if (error instanceof ApiError) throw error;
    throw new ApiError("INVALID_REQUEST", "The request body could not be read");
  });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError("INVALID_REQUEST", "The request body must be JSON");
  }
  // What PostgreSQL cannot store is the client's mistake (400), not a failed query (500).
  if (containsUnstorableText(body)) throw new ApiError("INVALID_REQUEST", UNSTORABLE_MESSAGE);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalidRequest(parsed.error);
  return parsed.data;
}
