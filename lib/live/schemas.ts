import { z } from "zod";
import { ROUTE_ID_PATTERN } from "@/lib/http/parse-route-params";

/** `GET /api/live?job=`: the job a job page shows, whose timeline activity the stream then carries too. */
export const liveQuerySchema = z.object({
  job: z.string().regex(ROUTE_ID_PATTERN, { error: "job: not a job id" }).optional(),
});
