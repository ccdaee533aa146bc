import { useMutation, useQueryClient } from "@tanstack/react-query";
import { resendDelivery } from "./api";
import { webhookKeys } from "./query-keys";

export function useResendDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resendDelivery,
    onSuccess: ({ delivery }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: webhookKeys.delivery(delivery.id), exact: true }),
        queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(delivery.endpointId), exact: true }),
        queryClient.invalidateQueries({ queryKey: webhookKeys.jobDeliveries(delivery.job.id), exact: true }),
      ]),
  });
}
