import { useMutation, useQueryClient } from "@tanstack/react-query";
import { rotateEndpointSecret } from "./api";
import { webhookKeys } from "./query-keys";

export function useRotateEndpointSecret(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => rotateEndpointSecret(endpointId),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: webhookKeys.secret(endpointId), exact: true }),
        // The previous secret's expiry shows on the page.
        queryClient.invalidateQueries({ queryKey: webhookKeys.endpoint(endpointId), exact: true }),
      ]),
  });
}
