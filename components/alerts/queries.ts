import { queryOptions } from "@tanstack/react-query";
import type { AlertsPage } from "@/lib/alerts/types";
import { fetchJson } from "@/lib/http/fetch-json";

// The alerts feature's reads: the key factory and one queryOptions factory per route handler.
export const alertKeys = {
  all: ["alerts"] as const,
  page: () => [...alertKeys.all, "page"] as const,
};

/** Rules and history; the history grows as the workers send, so it is asked again each 30 s. */
export const alertsQuery = () =>
  queryOptions({
    queryKey: alertKeys.page(),
    queryFn: ({ signal }) => fetchJson<AlertsPage>("/api/alerts", { signal }),
    refetchInterval: 30_000,
  });
