"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJobCounts } from "./fetch-jobs";
import { jobsKeys } from "./query-keys";

export function useJobCounts() {
  return useQuery({ queryKey: jobsKeys.counts(), queryFn: ({ signal }) => fetchJobCounts(signal) });
}
