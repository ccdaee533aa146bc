import { useMutation, useQueryClient } from "@tanstack/react-query";
import { enableEndpoint } from "./api";
import { webhookKeys } from "./query-keys";

export function useEnableEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: enableEndpoint,
    onSuccess: ({ endpoint }) => {
      queryClient.setQueryData(webhookKeys.endpoint(endpoint.id), { endpoint });
      return queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints(), exact: true });
    },
  });
}
