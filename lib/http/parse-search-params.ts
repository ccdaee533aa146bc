import type { z } from "zod";
import { describeZodError } from "@/lib/contract/errors";
import { ApiError } from "@/lib/http/api-error";

/** The request's query string validated by a schema; anything else is a 400 in the seed's envelope. */
export function parseSearchParams<Schema extends z.ZodType>(request: Request, schema: Schema): z.output<Schema> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams.entries()));
  if (!parsed.success) throw new ApiError("INVALID_REQUEST", describeZodError(parsed.error));
  return parsed.data;
}
