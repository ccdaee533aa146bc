import { useMutation, useQueryClient } from "@tanstack/react-query";
import { revokeApiKey } from "./api";
import { apiKeyKeys } from "./query-keys";

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.list(), exact: true }),
  });
}
