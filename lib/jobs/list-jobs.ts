import "server-only";
import { type Db, prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";
import { getStepExpectations } from "@/lib/insight/get-step-expectations";
import { type ExpectationTable, stuckCutoffs } from "@/lib/insight/step-expectations";
import { decodeCursor, encodeCursor, type JobCursor, pastCursor } from "./cursor";
import { findFurthestSteps } from "./find-furthest-steps";
import type { JobFilters, JobSort } from "./schemas";
import { type JobRow, jobSelect, serializeJob } from "./serialize-job";
import type { JobPage } from "./types";
import { withExpectation } from "./with-expectation";

type Direction = "desc" | "asc";

/** What `listJobsQuerySchema` produces; callers that build a query in code may omit what they do not use. */
export interface ListJobsInput extends Partial<Omit<JobFilters, "sort">> {
  sort: JobSort;
  after?: string;
  before?: string;
  limit: number;
  /** The clock the stuck filter and expectations read (tests set it). */
  now?: Date;
}

/** `LIKE` wildcards in a job id (`job_…`) must match literally, or the index range is lost. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Stuck: in progress, at a step reached longer ago than that step's usual time × the margin. One
 * branch per product and step, each a plain range on updatedAt (when the job last moved forward).
 */
export function stuckWhere(table: ExpectationTable, now: Date): Prisma.JobWhereInput {
  return {
    state: "in_progress",
    OR: stuckCutoffs(table, now).map(({ apiProduct, step, reachedBefore }) => ({
      apiProduct,
      status: step,
      updatedAt: { lt: reachedBefore },
    })),
  };
}

const DAY_MS = 86_400_000;

/** The created-date filter: from the first day's start to the last day's end (UTC). */
function createdWhere(
  filters: Partial<Pick<JobFilters, "createdFrom" | "createdTo">>,
): Prisma.JobWhereInput | undefined {
  if (!filters.createdFrom && !filters.createdTo) return undefined;
  return {
    createdAt: {
      ...(filters.createdFrom && { gte: new Date(`${filters.createdFrom}T00:00:00Z`) }),
      ...(filters.createdTo && { lt: new Date(Date.parse(`${filters.createdTo}T00:00:00Z`) + DAY_MS) }),
    },
  };
}

/** `stuck`: the stuckWhere of the workspace's expectations, when the filters ask for stuck jobs. */
export function filtersWhere(
  workspaceId: string,
  filters: Partial<Omit<JobFilters, "sort">>,
  stuck?: Prisma.JobWhereInput,
): Prisma.JobWhereInput {
  return {
    workspaceId,
    AND: [filters.stuck ? stuck : undefined, createdWhere(filters)].filter((where): where is Prisma.JobWhereInput =>
      Boolean(where),
    ),
    ...(filters.apiProduct && { apiProduct: filters.apiProduct }),
    ...(filters.state && { state: filters.state }),
    ...(filters.status && { status: filters.status }),
    // Prefix search; Prisma passes `startsWith` through as LIKE 'value%' without escaping.
    ...(filters.q && { upstreamJobId: { startsWith: escapeLike(filters.q) } }),
  };
}

async function scan(
  db: Db,
  where: Prisma.JobWhereInput,
  direction: Direction,
  take: number,
  cursor?: JobCursor,
): Promise<JobRow[]> {
  return db.job.findMany({
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

/** A page of the workspace's jobs, newest (or oldest) first, by keyset cursor (on `db`: the primary, or the replica). */
export async function listJobs(workspaceId: string, query: ListJobsInput, db: Db = prisma): Promise<JobPage> {
  const now = query.now ?? new Date();
  const expectations = await getStepExpectations(workspaceId, now, db);
  const where = filtersWhere(workspaceId, query, stuckWhere(expectations, now));
  const forward: Direction = query.sort === "newest" ? "desc" : "asc";
  const backward: Direction = forward === "desc" ? "asc" : "desc";
  let rows: JobRow[];
  let hasNext: boolean;
  let hasPrev: boolean;

  if (query.before) {
    const found = await scan(db, where, backward, query.limit + 1, cursorOrThrow(query.before));
    // Reached the start of the list: show a full first page rather than a short one.
    if (found.length <= query.limit) return listJobs(workspaceId, { ...query, before: undefined }, db);
    rows = found.slice(0, query.limit).reverse();
    hasPrev = true;
    hasNext = true;
  } else {
    const found = await scan(db, where, forward, query.limit + 1, query.after ? cursorOrThrow(query.after) : undefined);
    rows = found.slice(0, query.limit);
    hasNext = found.length > query.limit;
    hasPrev = Boolean(query.after) && rows.length > 0;
  }

  const furthest = await findFurthestSteps(workspaceId, rows, db);
  return {
    jobs: rows.map((row) => withExpectation(serializeJob(row, furthest.get(row.id)), row, expectations)),
    nextCursor: hasNext && rows.length > 0 ? encodeCursor(rows[rows.length - 1]) : null,
    prevCursor: hasPrev ? encodeCursor(rows[0]) : null,
  };
}
