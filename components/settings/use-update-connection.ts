import { useMutation, useQueryClient } from "@tanstack/react-query";
import { saveConnection } from "./api";
import { settingsKeys } from "./query-keys";

export function useUpdateConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveConnection,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.connection(), exact: true }),
  });
}
