"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchJobEvents } from "./fetch-jobs";
import { jobsKeys } from "./query-keys";

/**
 * The job's events older than the detail's first page (which ends at `from`), a page per "load
 * older" click. Keyed by `from`: when new events shift the first page, older pages start over
 * rather than repeat or skip an event at the seam.
 */
export function useOlderJobEvents(jobId: string, from: string | null, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: jobsKeys.olderEvents(jobId, from ?? ""),
    queryFn: ({ pageParam, signal }) => fetchJobEvents(jobId, pageParam, signal),
    initialPageParam: from ?? "",
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: enabled && from !== null,
  });
}
