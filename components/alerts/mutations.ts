import { mutationOptions } from "@tanstack/react-query";
import type { AlertConfigInput } from "@/lib/alerts/schemas";
import type { AlertConfigView } from "@/lib/alerts/types";
import { fetchJson } from "@/lib/http/fetch-json";
import { alertKeys } from "./queries";

// The alerts feature's writes.
export const updateAlertConfigMutation = () =>
  mutationOptions({
    mutationFn: (input: AlertConfigInput) =>
      fetchJson<AlertConfigView>("/api/alerts/config", { method: "PUT", body: JSON.stringify(input) }),
    onSuccess: (_config, _input, _onMutate, { client }) =>
      client.invalidateQueries({ queryKey: alertKeys.page(), exact: true }),
  });
