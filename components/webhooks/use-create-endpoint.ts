import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createEndpoint } from "./api";
import { webhookKeys } from "./query-keys";

export function useCreateEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createEndpoint,
    onSuccess: ({ endpoint }) => {
      queryClient.setQueryData(webhookKeys.endpoint(endpoint.id), { endpoint });
      return queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints(), exact: true });
    },
  });
}
