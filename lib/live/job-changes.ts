import { z } from "zod";

// The PostgreSQL NOTIFY channel on which ingest announces every applied job change, after its
// commit (lib/ingest/announce-changes.ts); the live pages (server-sent events) listen on it.
export const JOB_CHANGES_CHANNEL = "job_changes";

export const jobChangeSchema = z.object({
  workspaceId: z.string(),
  jobId: z.string(),
  upstreamJobId: z.string(),
  status: z.string(),
});
export type JobChange = z.infer<typeof jobChangeSchema>;

/** A notification's payload: the changes of a batch as an array, or (as older portals sent it) one change. */
export const jobChangesPayloadSchema = z.union([
  z.array(jobChangeSchema),
  jobChangeSchema.transform((change) => [change]),
]);
