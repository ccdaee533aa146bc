import { useMutation, useQueryClient } from "@tanstack/react-query";
import { deleteEndpoint } from "./api";
import { webhookKeys } from "./query-keys";

export function useDeleteEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteEndpoint,
    onSuccess: (_data, endpointId) => {
      // Its page, secret and log are gone with it.
      queryClient.removeQueries({ queryKey: webhookKeys.endpoint(endpointId) });
      return queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints(), exact: true });
    },
  });
}
