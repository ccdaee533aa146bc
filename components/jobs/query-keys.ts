import type { JobFilters } from "@/lib/jobs/schemas";

// The Jobs feature's query keys, in one factory so that invalidation names exactly what it means.
/** One page of the list: the filters plus at most one cursor (none = the first page). */
export interface JobListParams extends Partial<Omit<JobFilters, "sort">> {
  sort: JobFilters["sort"];
  after?: string;
  before?: string;
}

export const jobsKeys = {
  all: ["jobs"] as const,
  lists: () => [...jobsKeys.all, "list"] as const,
  list: (params: JobListParams) => [...jobsKeys.lists(), normalizeParams(params)] as const,
  counts: () => [...jobsKeys.all, "counts"] as const,
  details: () => [...jobsKeys.all, "detail"] as const,
  detail: (jobId: string) => [...jobsKeys.details(), jobId] as const,
  /** Pages of events older than the detail's first page, which ends at `from`. */
  olderEvents: (jobId: string, from: string) => [...jobsKeys.detail(jobId), "older-events", from] as const,
  eventPayload: (jobId: string, eventId: string) => [...jobsKeys.detail(jobId), "payload", eventId] as const,
};

/** Drops empty values, so the server's prefetch and the browser build the same key. */
export function normalizeParams(params: JobListParams): JobListParams {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined && value !== "")) as JobListParams;
}

export function isFirstPage(params: JobListParams): boolean {
  return !params.after && !params.before;
}
