import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { invalidField } from "@/lib/http/api-error";
import { decodeCursor, pageOf, pastCursor } from "./cursor";
import { getJobOrThrow } from "./get-job-or-throw";
import { jobEventSelect, serializeJobEvent, type JobEventCounts, type JobEventPage } from "./serialize-job-detail";

// A job's events, newest first, a page at a time: a job can have thousands (every redelivery is
// kept), so the page never loads more than one page's rows, and never a payload. Keyset over
// (occurredAt, id), served by the (jobId, occurredAt) index: stable while new events arrive.
export const JOB_EVENTS_PAGE_SIZE = 100;

/** By the job's portal row id (the job page has it from its own lookup). */
export async function listJobEvents(workspaceId: string, jobRowId: string, before?: string): Promise<JobEventPage> {
  const cursor = before ? decodeCursor(before) : null;
  if (before && !cursor) throw invalidField("before", "not a cursor this API returned");
  const rows = await prisma.jobEvent.findMany({
    where: {
      workspaceId,
      jobId: jobRowId,
      ...(cursor && pastCursor<Prisma.JobEventWhereInput>("occurredAt", cursor)),
    },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: JOB_EVENTS_PAGE_SIZE + 1,
    select: jobEventSelect,
  });
  const { page, nextCursor } = pageOf(rows, JOB_EVENTS_PAGE_SIZE, (row) => ({ createdAt: row.occurredAt, id: row.id }));
  return { events: page.map(serializeJobEvent), nextCursor };
}

/** By the job's upstream id, for GET /api/jobs/{jobId}/events; another workspace's job is not found. */
export async function listJobEventsOrThrow(workspaceId: string, upstreamJobId: string, before?: string): Promise<JobEventPage> {
  const job = await getJobOrThrow(workspaceId, upstreamJobId);
  return listJobEvents(workspaceId, job.id, before);
}

/** All of the job's events counted by disposition, in the database (four rows at most). */
export async function countJobEvents(workspaceId: string, jobRowId: string): Promise<JobEventCounts> {
  const groups = await prisma.jobEvent.groupBy({ by: ["disposition"], where: { workspaceId, jobId: jobRowId }, _count: { _all: true } });
  const counts: JobEventCounts = { total: 0, late: 0, duplicate: 0, ignored: 0 };
  for (const { disposition, _count } of groups) {
    counts.total += _count._all;
    if (disposition !== "applied") counts[disposition] += _count._all;
  }
  return counts;
}
