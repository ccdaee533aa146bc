import type { z } from "zod";
import { isUnstorableText, UNSTORABLE_MESSAGE } from "@/lib/contract/unstorable-text";
import { ApiError, invalidRequest } from "@/lib/http/api-error";

/** The request's query string validated by a schema; anything else is a 400 in the error envelope. */
export function parseSearchParams<Schema extends z.ZodType>(request: Request, schema: Schema): z.output<Schema> {
  const entries = [...new URL(request.url).searchParams.entries()];
  // What PostgreSQL cannot store is the client's mistake (400), whichever parameter holds it.
  if (entries.some(([name, value]) => isUnstorableText(name) || isUnstorableText(value)))
    throw new ApiError("INVALID_REQUEST", UNSTORABLE_MESSAGE);
  const parsed = schema.safeParse(Object.fromEntries(entries));
  if (!parsed.success) throw invalidRequest(parsed.error);
  return parsed.data;
}
