import { useMutation, useQueryClient } from "@tanstack/react-query";
import { rotateInboundSecret } from "./api";
import { settingsKeys } from "./query-keys";

export function useRotateInboundSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rotateInboundSecret,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: settingsKeys.inboundSecret(), exact: true }),
        // The previous secret's expiry shows on the page.
        queryClient.invalidateQueries({ queryKey: settingsKeys.connection(), exact: true }),
        queryClient.invalidateQueries({ queryKey: settingsKeys.inboundWebhook(), exact: true }),
      ]),
  });
}
