import { z } from "zod";

// The PostgreSQL NOTIFY channel on which ingest announces every applied job change; the live
// pages (server-sent events) and the delivery worker listen on it.
export const JOB_CHANGES_CHANNEL = "job_changes";

export const jobChangeSchema = z.object({
  workspaceId: z.string(),
  jobId: z.string(),
  upstreamJobId: z.string(),
  status: z.string(),
});
export type JobChange = z.infer<typeof jobChangeSchema>;
