import { z } from "zod";

// The PostgreSQL NOTIFY channel on which something that changes a job's timeline without moving
// the job announces it: a delivery attempt recorded (lib/delivery/record-outcome.ts), an event
// stored as late, duplicate or ignored (lib/ingest/ingest-webhook.ts). Only a job page showing that
// job cares (its stream names it, lib/live/create-live-stream.ts), and it refetches its timeline;
// nothing is loaded for it on the server. Sent after the commit, several jobs per notification.
export const JOB_ACTIVITY_CHANNEL = "job_activity";

/** One job whose timeline changed; `jobId` is the upstream's id, as job pages are named. */
export const jobActivitySchema = z.object({ workspaceId: z.string(), jobId: z.string() });
export type JobActivity = z.infer<typeof jobActivitySchema>;

export const jobActivityPayloadSchema = z.array(jobActivitySchema);

// PostgreSQL's limit is 8,000 bytes per payload.
const MAX_PAYLOAD_BYTES = 7_500;

/** The activities, each job once, as JSON arrays under the payload limit. */
export function toActivityPayloads(activities: readonly JobActivity[]): string[] {
  const unique = new Map(activities.map((activity) => [`${activity.workspaceId}\u0000${activity.jobId}`, activity]));
  const payloads: string[] = [];
  let batch: string[] = [];
  let size = 2;
  for (const activity of unique.values()) {
    const json = JSON.stringify({ workspaceId: activity.workspaceId, jobId: activity.jobId });
    if (batch.length > 0 && size + json.length + 1 > MAX_PAYLOAD_BYTES) {
      payloads.push(`[${batch.join(",")}]`);
      batch = [];
      size = 2;
    }
    batch.push(json);
    size += json.length + 1;
  }
  if (batch.length > 0) payloads.push(`[${batch.join(",")}]`);
  return payloads;
}
