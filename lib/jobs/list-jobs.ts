import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";
import { decodeCursor, encodeCursor, type JobCursor, pastCursor } from "./cursor";
import { findFurthestSteps } from "./find-furthest-steps";
import type { JobFilters, JobSort } from "./schemas";
import { type JobRow, jobSelect, serializeJob } from "./serialize-job";
import type { JobPage } from "./types";

type Direction = "desc" | "asc";

/** What `listJobsQuerySchema` produces; callers that build a query in code may omit what they do not use. */
export interface ListJobsInput extends Partial<Omit<JobFilters, "sort">> {
  sort: JobSort;
  after?: string;
  before?: string;
  limit: number;
}

/** `LIKE` wildcards in a job id (`job_…`) must match literally, or the index range is lost. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function filtersWhere(workspaceId: string, filters: Partial<Omit<JobFilters, "sort">>): Prisma.JobWhereInput {
  return {
    workspaceId,
    ...(filters.apiProduct && { apiProduct: filters.apiProduct }),
    ...(filters.state && { state: filters.state }),
    ...(filters.status && { status: filters.status }),
    // Prefix search; Prisma passes `startsWith` through as LIKE 'value%' without escaping.
    ...(filters.q && { upstreamJobId: { startsWith: escapeLike(filters.q) } }),
  };
}

async function scan(
  where: Prisma.JobWhereInput,
  direction: Direction,
  take: number,
  cursor?: JobCursor,
): Promise<JobRow[]> {
  return prisma.job.findMany({
    where: cursor ? { AND: [where, pastCursor<Prisma.JobWhereInput>("createdAt", cursor, direction)] } : where,
    orderBy: [{ createdAt: direction }, { id: direction }],
    take,
    select: jobSelect,
  });
}

function cursorOrThrow(text: string): JobCursor {
  const cursor = decodeCursor(text);
  if (!cursor) throw new ApiError("INVALID_REQUEST", "Invalid cursor: start again from the first page");
  return cursor;
}

/** A page of the workspace's jobs, newest (or oldest) first, by keyset cursor. */
export async function listJobs(workspaceId: string, query: ListJobsInput): Promise<JobPage> {
  const where = filtersWhere(workspaceId, query);
  const forward: Direction = query.sort === "newest" ? "desc" : "asc";
  const backward: Direction = forward === "desc" ? "asc" : "desc";
  let rows: JobRow[];
  let hasNext: boolean;
  let hasPrev: boolean;

  if (query.before) {
    const found = await scan(where, backward, query.limit + 1, cursorOrThrow(query.before));
    // Reached the start of the list: show a full first page rather than a short one.
    if (found.length <= query.limit) return listJobs(workspaceId, { ...query, before: undefined });
    rows = found.slice(0, query.limit).reverse();
    hasPrev = true;
    hasNext = true;
  } else {
    const found = await scan(where, forward, query.limit + 1, query.after ? cursorOrThrow(query.after) : undefined);
    rows = found.slice(0, query.limit);
    hasNext = found.length > query.limit;
    hasPrev = Boolean(query.after) && rows.length > 0;
  }

  const furthest = await findFurthestSteps(workspaceId, rows);
  return {
    jobs: rows.map((row) => serializeJob(row, furthest.get(row.id))),
    nextCursor: hasNext && rows.length > 0 ? encodeCursor(rows[rows.length - 1]) : null,
    prevCursor: hasPrev ? encodeCursor(rows[0]) : null,
  };
}
