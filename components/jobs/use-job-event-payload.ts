"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJobEventPayload } from "./fetch-jobs";
import { jobsKeys } from "./query-keys";

/** One event's stored payload, loaded when its row is opened; a stored payload never changes. */
export function useJobEventPayload(jobId: string, eventId: string, enabled: boolean) {
  return useQuery({
    queryKey: jobsKeys.eventPayload(jobId, eventId),
    queryFn: ({ signal }) => fetchJobEventPayload(jobId, eventId, signal),
    enabled,
    staleTime: Infinity,
  });
}
