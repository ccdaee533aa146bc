import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { listEventDeliveries } from "@/lib/delivery/list-event-deliveries";
import { invalidField } from "@/lib/http/api-error";
import { decodeCursor, pageOf, pastCursor } from "./cursor";
import { getJobOrThrow } from "./get-job-or-throw";
import {
  type JobEventCounts,
  type JobEventPage,
  type JobEventRow,
  jobEventSelect,
  serializeJobEvent,
  type TimelineEvent,
} from "./serialize-job-detail";

// A job's events, newest first, a page at a time: a job can have thousands (every redelivery is
// kept), so the page never loads more than one page's rows, and never a payload. Keyset over
// (occurredAt, id), served by the (jobId, occurredAt) index: stable while new events arrive. Each
// event comes with what became of it at the workspace's endpoints (lib/delivery/list-event-deliveries.ts).
export const JOB_EVENTS_PAGE_SIZE = 50;
/** Statuses whose first event the job page pins (the workflow's eleven, and a few unknown ones). */
const MAX_FIRST_EVENTS = 32;

/** Whether the events come with their deliveries: only for members who may read delivery logs (deliveries.read). */
export interface EventListOptions {
  deliveries?: boolean;
}

async function withDeliveries(
  workspaceId: string,
  jobRowId: string,
  rows: JobEventRow[],
  options: EventListOptions,
): Promise<TimelineEvent[]> {
  const deliveries =
    options.deliveries === false
      ? new Map()
      : await listEventDeliveries(
          workspaceId,
          jobRowId,
          rows.map((row) => row.id),
        );
  return rows.map((row) => ({ ...serializeJobEvent(row), deliveries: deliveries.get(row.id) ?? [] }));
}

/** By the job's portal row id (the job page has it from its own lookup). */
export async function listJobEvents(
  workspaceId: string,
  jobRowId: string,
  before?: string,
  options: EventListOptions = {},
): Promise<JobEventPage> {
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
  return { events: await withDeliveries(workspaceId, jobRowId, page, options), nextCursor };
}

/** By the job's upstream id, for GET /api/jobs/{jobId}/events; another workspace's job is not found. */
export async function listJobEventsOrThrow(
  workspaceId: string,
  upstreamJobId: string,
  before?: string,
  options: EventListOptions = {},
): Promise<JobEventPage> {
  const job = await getJobOrThrow(workspaceId, upstreamJobId);
  return listJobEvents(workspaceId, job.id, before, options);
}

/**
 * The earliest event of each status, except those in `loaded` (the newest page has them): a job
 * with hundreds of repeats of one status still shows when each step was first reported.
 */
export async function listFirstEvents(
  workspaceId: string,
  jobRowId: string,
  loaded: readonly string[],
  options: EventListOptions = {},
): Promise<TimelineEvent[]> {
  const firsts = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT DISTINCT ON (status) id FROM "JobEvent"
     WHERE "workspaceId" = ${workspaceId} AND "jobId" = ${jobRowId}
     ORDER BY status, "occurredAt", id
     LIMIT ${MAX_FIRST_EVENTS}`;
  const ids = firsts.map((row) => row.id).filter((id) => !loaded.includes(id));
  if (ids.length === 0) return [];
  const rows = await prisma.jobEvent.findMany({
    where: { workspaceId, jobId: jobRowId, id: { in: ids } },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    select: jobEventSelect,
  });
  return withDeliveries(workspaceId, jobRowId, rows, options);
}

/** All of the job's events counted by disposition, in the database (four rows at most). */
export async function countJobEvents(workspaceId: string, jobRowId: string): Promise<JobEventCounts> {
  const groups = await prisma.jobEvent.groupBy({
    by: ["disposition"],
    where: { workspaceId, jobId: jobRowId },
    _count: { _all: true },
  });
  const counts: JobEventCounts = { total: 0, late: 0, duplicate: 0, ignored: 0 };
  for (const { disposition, _count } of groups) {
    counts.total += _count._all;
    if (disposition !== "applied") counts[disposition] += _count._all;
  }
  return counts;
}
