import { mutationOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import type { RetentionInput } from "@/lib/retention/schemas";
import { retentionKeys } from "./queries";

// Settings → Retention, writes.
export const updateRetentionMutation = () =>
  mutationOptions({
    mutationFn: (input: RetentionInput) =>
      fetchJson<null>("/api/settings/retention", { method: "PUT", body: JSON.stringify(input) }),
    onSuccess: (_saved, _input, _onMutate, { client }) =>
      client.invalidateQueries({ queryKey: retentionKeys.all, exact: true }),
  });
