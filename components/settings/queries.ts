import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import type { ConnectionView } from "@/lib/workspaces/types";

// Settings → Jobs API connection, reads: the key factory and one queryOptions factory per route.

export const settingsKeys = {
  all: ["settings"] as const,
  connection: () => [...settingsKeys.all, "connection"] as const,
};

export const connectionQuery = () =>
  queryOptions({
    queryKey: settingsKeys.connection(),
    queryFn: ({ signal }) => fetchJson<ConnectionView>("/api/settings/connection", { signal }),
  });
