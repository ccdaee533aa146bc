import type { z } from "zod";
import { describeZodError } from "@/lib/contract/errors";
import { ApiError } from "@/lib/http/api-error";

/** The request's JSON body validated by a schema; anything else is a 400 in the seed's envelope. */
export async function parseJsonBody<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.output<Schema>> {
  const body: unknown = await request.json().catch(() => {
    throw new ApiError("INVALID_REQUEST", "The request body must be JSON");
  });
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError("INVALID_REQUEST", describeZodError(parsed.error));
  return parsed.data;
}
