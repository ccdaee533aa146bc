import { infiniteQueryOptions, keepPreviousData, type QueryKey, queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import type { JobFilters } from "@/lib/jobs/schemas";
import type {
  JobCounts,
  JobEventPage,
  JobEventPayload,
  JobPage,
  OutputCues,
  OutputLink,
  SerializedJobDetail,
} from "@/lib/jobs/types";

// The Jobs feature's reads: the key factory, then one queryOptions factory per route handler under
// /api/jobs. Components call `useQuery(jobQuery(jobId))`; the pages prefetch with the same keys.
// Errors arrive as RequestError with the server's sentence.

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
  outputCues: (jobId: string, outputIndex: number) => [...jobsKeys.all, "output", jobId, outputIndex, "cues"] as const,
  outputLink: (jobId: string, outputIndex: number) => [...jobsKeys.all, "output", jobId, outputIndex, "link"] as const,
};

export type JobListKey = ReturnType<typeof jobsKeys.list>;

/** Whether a cached query is a page of the list; its key then names the parameters it was fetched with. */
export function isJobListKey(key: QueryKey): key is JobListKey {
  const [scope, kind, params] = key;
  return (
    scope === jobsKeys.all[0] && kind === "list" && key.length === 3 && typeof params === "object" && params !== null
  );
}

/** Drops empty values, so the server's prefetch and the browser build the same key. */
export function normalizeParams(params: JobListParams): JobListParams {
  return Object.fromEntries(
    Object.entries(params).filter(([, value]) => value !== undefined && value !== ""),
  ) as JobListParams;
}

export function isFirstPage(params: JobListParams): boolean {
  return !params.after && !params.before;
}

export const jobUrl = (jobId: string, rest = "") => `/api/jobs/${encodeURIComponent(jobId)}${rest}`;

/** One page of the Jobs list; the previous page stays on screen while the next one loads. */
export const jobsQuery = (params: JobListParams) =>
  queryOptions({
    queryKey: jobsKeys.list(params),
    queryFn: ({ signal }) =>
      fetchJson<JobPage>(
        `/api/jobs?${new URLSearchParams(normalizeParams(params) as unknown as Record<string, string>)}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });

export const jobCountsQuery = () =>
  queryOptions({
    queryKey: jobsKeys.counts(),
    queryFn: ({ signal }) => fetchJson<JobCounts>("/api/jobs/counts", { signal }),
  });

/** A job with its timeline, events and outputs (the job page prefetches it on the server). */
export const jobQuery = (jobId: string) =>
  queryOptions({
    queryKey: jobsKeys.detail(jobId),
    queryFn: ({ signal }) => fetchJson<SerializedJobDetail>(jobUrl(jobId), { signal }),
  });

/**
 * The job's events older than the detail's first page (which ends at `from`), a page per "load
 * older" click. Keyed by `from`: when new events shift the first page, older pages start over
 * rather than repeat or skip an event at the seam.
 */
export const olderJobEventsQuery = (jobId: string, from: string) =>
  infiniteQueryOptions({
    queryKey: jobsKeys.olderEvents(jobId, from),
    queryFn: ({ pageParam, signal }) =>
      fetchJson<JobEventPage>(jobUrl(jobId, `/events?before=${encodeURIComponent(pageParam)}`), { signal }),
    initialPageParam: from,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/** One event's stored payload, loaded when its row is opened; a stored payload never changes. */
export const jobEventPayloadQuery = (jobId: string, eventId: string) =>
  queryOptions({
    queryKey: jobsKeys.eventPayload(jobId, eventId),
    queryFn: ({ signal }) =>
      fetchJson<JobEventPayload>(jobUrl(jobId, `/events/${encodeURIComponent(eventId)}`), { signal }),
    staleTime: Infinity,
  });

/** An SRT output's cues, read by the server; a completed job's files do not change. */
export const outputCuesQuery = (jobId: string, outputIndex: number) =>
  queryOptions({
    queryKey: jobsKeys.outputCues(jobId, outputIndex),
    queryFn: ({ signal }) => fetchJson<OutputCues>(jobUrl(jobId, `/outputs/${outputIndex}/cues`), { signal }),
    staleTime: Infinity,
    retry: false,
  });

/** How long a player's link lasts; it is asked again before then, and whenever the player reports an error. */
export const PLAYER_LINK_SECONDS = 3600;

/** A fresh presigned link for the player, which streams (with range requests) straight from it. */
export const outputLinkQuery = (jobId: string, outputIndex: number) =>
  queryOptions({
    queryKey: jobsKeys.outputLink(jobId, outputIndex),
    queryFn: ({ signal }) =>
      fetchJson<OutputLink>(jobUrl(jobId, `/outputs/${outputIndex}/link?expirationSeconds=${PLAYER_LINK_SECONDS}`), {
        signal,
      }),
    // Renewed well before it expires; never kept once the player is gone.
    staleTime: (PLAYER_LINK_SECONDS - 300) * 1000,
    gcTime: 0,
    retry: false,
  });
