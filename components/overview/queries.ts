import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import type { OverviewRange } from "@/lib/insight/schemas";
import type { OverviewData } from "@/lib/insight/types";

// The overview's reads: the key factory and one queryOptions factory per route.
export interface OverviewParams {
  range: OverviewRange;
  from?: string;
  to?: string;
}

export const overviewKeys = {
  all: ["overview"] as const,
  range: (params: OverviewParams) => [...overviewKeys.all, normalizeOverviewParams(params)] as const,
};

/** Only a custom range carries dates, so the server's prefetch and the browser build one key. */
export function normalizeOverviewParams(params: OverviewParams): OverviewParams {
  return params.range === "custom" && params.from && params.to
    ? { range: "custom", from: params.from, to: params.to }
    : { range: params.range === "custom" ? "7d" : params.range };
}

/** The overview of a range; the previous range stays on screen while the next one loads, and it refreshes each minute. */
export const overviewQuery = (params: OverviewParams) =>
  queryOptions({
    queryKey: overviewKeys.range(params),
    queryFn: ({ signal }) =>
      fetchJson<OverviewData>(
        `/api/overview?${new URLSearchParams(normalizeOverviewParams(params) as unknown as Record<string, string>)}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
