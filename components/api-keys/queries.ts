import { queryOptions } from "@tanstack/react-query";
import type { ApiKeyList } from "@/lib/api-keys/types";
import { fetchJson } from "@/lib/http/fetch-json";

// The API keys feature's reads: the key factory and one queryOptions factory per route handler.

export const apiKeyKeys = {
  all: ["api-keys"] as const,
  list: () => [...apiKeyKeys.all, "list"] as const,
};

export const apiKeysQuery = () =>
  queryOptions({
    queryKey: apiKeyKeys.list(),
    queryFn: ({ signal }) => fetchJson<ApiKeyList>("/api/api-keys", { signal }),
  });
