"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJobs } from "./fetch-jobs";
import { jobsKeys, type JobListParams } from "./query-keys";

/** One page of the Jobs list; the previous page stays on screen while the next one loads. */
export function useJobs(params: JobListParams) {
  return useQuery({
    queryKey: jobsKeys.list(params),
    queryFn: ({ signal }) => fetchJobs(params, signal),
    placeholderData: keepPreviousData,
  });
}
