import { useMutation, useQueryClient } from "@tanstack/react-query";
import { updateEndpoint } from "./api";
import { webhookKeys } from "./query-keys";

/** Edits and the enable switch: the answer is the endpoint as saved. */
export function useUpdateEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateEndpoint,
    onSuccess: ({ endpoint }) => {
      queryClient.setQueryData(webhookKeys.endpoint(endpoint.id), { endpoint });
      return queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints(), exact: true });
    },
  });
}
