import { mutationOptions } from "@tanstack/react-query";
import type { CreateApiKeyInput } from "@/lib/api-keys/schemas";
import type { CreatedApiKey, RevokedApiKey } from "@/lib/api-keys/types";
import { fetchJson } from "@/lib/http/fetch-json";
import { apiKeyKeys } from "./queries";

// The API keys feature's writes, each invalidating exactly the list it changes.

/** The created key stays in the mutation's data until reset(): never in the query cache. */
export const createApiKeyMutation = () =>
  mutationOptions({
    mutationFn: (input: CreateApiKeyInput) =>
      fetchJson<CreatedApiKey>("/api/api-keys", { method: "POST", body: JSON.stringify(input) }),
    onSuccess: (_created, _input, _onMutate, { client }) =>
      client.invalidateQueries({ queryKey: apiKeyKeys.list(), exact: true }),
  });

export const revokeApiKeyMutation = () =>
  mutationOptions({
    mutationFn: (apiKeyId: string) =>
      fetchJson<RevokedApiKey>(`/api/api-keys/${encodeURIComponent(apiKeyId)}`, { method: "DELETE" }),
    onSuccess: (_revoked, _apiKeyId, _onMutate, { client }) =>
      client.invalidateQueries({ queryKey: apiKeyKeys.list(), exact: true }),
  });
