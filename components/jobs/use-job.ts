"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJobDetail } from "./fetch-jobs";
import { jobsKeys } from "./query-keys";

/** A job with its timeline, events and outputs (prefetched by the page on the server). */
export function useJob(jobId: string) {
  return useQuery({ queryKey: jobsKeys.detail(jobId), queryFn: ({ signal }) => fetchJobDetail(jobId, signal) });
}
