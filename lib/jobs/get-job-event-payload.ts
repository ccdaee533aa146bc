import "server-only";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { getJobOrThrow } from "./get-job-or-throw";
import type { JobEventPayload } from "./serialize-job-detail";

// One event's payload, for the row the user opened. A stored payload can be up to the inbound
// body cap (1 MiB) — a future event type may carry anything — so the answer holds at most this
// much of its text; the database cuts it, so a large payload is never read whole into the portal.
export const MAX_PAYLOAD_VIEW_BYTES = 64 * 1024;
export const EVENT_NOT_FOUND = "Event not found";

export async function getJobEventPayloadOrThrow(
  workspaceId: string,
  upstreamJobId: string,
  eventId: string,
): Promise<JobEventPayload> {
  const job = await getJobOrThrow(workspaceId, upstreamJobId);
  // left() counts characters (up to 4 bytes each): at most 4 × the cap crosses the wire, never
  // the whole payload; the cut to bytes is made here, on a character boundary.
  const rows = await prisma.$queryRaw<Array<{ sizeBytes: number; head: string }>>`
    SELECT octet_length(payload::text)::int AS "sizeBytes", left(payload::text, ${MAX_PAYLOAD_VIEW_BYTES}) AS head
      FROM "JobEvent"
     WHERE id = ${eventId} AND "workspaceId" = ${workspaceId} AND "jobId" = ${job.id}`;
  const row = rows[0];
  if (!row) throw new ApiError("RESOURCE_NOT_FOUND", EVENT_NOT_FOUND);
  if (row.sizeBytes <= MAX_PAYLOAD_VIEW_BYTES)
    return { id: eventId, sizeBytes: row.sizeBytes, text: row.head, truncated: false };
  let text = row.head;
  while (Buffer.byteLength(text, "utf8") > MAX_PAYLOAD_VIEW_BYTES) text = text.slice(0, Math.floor(text.length * 0.9));
  return { id: eventId, sizeBytes: row.sizeBytes, text, truncated: true };
}
