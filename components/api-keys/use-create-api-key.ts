import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createApiKey } from "./api";
import { apiKeyKeys } from "./query-keys";

/** The created key stays in the mutation's data until reset(): never in the query cache. */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.list(), exact: true }),
  });
}
