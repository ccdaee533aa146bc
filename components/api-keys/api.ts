import { queryOptions } from "@tanstack/react-query";
import type { ApiKeyList, CreateApiKeyInput, CreatedApiKey, RevokedApiKey } from "@/lib/api-keys/schemas";
import { fetchJson } from "@/lib/http/fetch-json";
import { apiKeyKeys } from "./query-keys";

// The API keys feature's fetchers: one per route handler under /api/api-keys.
export const apiKeysQuery = () =>
  queryOptions({
    queryKey: apiKeyKeys.list(),
    queryFn: ({ signal }) => fetchJson<ApiKeyList>("/api/api-keys", { signal }),
  });

export function createApiKey(input: CreateApiKeyInput): Promise<CreatedApiKey> {
  return fetchJson<CreatedApiKey>("/api/api-keys", { method: "POST", body: JSON.stringify(input) });
}

export function revokeApiKey(apiKeyId: string): Promise<RevokedApiKey> {
  return fetchJson<RevokedApiKey>(`/api/api-keys/${encodeURIComponent(apiKeyId)}`, { method: "DELETE" });
}
