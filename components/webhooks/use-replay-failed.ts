import { useMutation, useQueryClient } from "@tanstack/react-query";
import { replayFailed } from "./api";
import { webhookKeys } from "./query-keys";

export function useReplayFailed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: replayFailed,
    onSuccess: (_data, { endpointId, since }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(endpointId), exact: true }),
        queryClient.invalidateQueries({ queryKey: webhookKeys.replayCount(endpointId, since), exact: true }),
      ]),
  });
}
