import { useMutation, useQueryClient } from "@tanstack/react-query";
import { updateVerification } from "./api";
import { settingsKeys } from "./query-keys";

export function useUpdateVerification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateVerification,
    onSuccess: (view) =>
      Promise.all([
        queryClient.setQueryData(settingsKeys.inboundWebhook(), view),
        // A profile change may generate a secret (or URL token), or take a pasted one.
        queryClient.invalidateQueries({ queryKey: settingsKeys.inboundSecret(), exact: true }),
        queryClient.invalidateQueries({ queryKey: settingsKeys.connection(), exact: true }),
      ]),
  });
}
