import { mutationOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import type { ConnectionInput } from "@/lib/workspaces/schemas";
import type { ConnectionCheck } from "@/lib/workspaces/types";
import { settingsKeys } from "./queries";

// Settings → Jobs API connection, writes.

export const updateConnectionMutation = () =>
  mutationOptions({
    mutationFn: (input: ConnectionInput) =>
      fetchJson<null>("/api/settings/connection", { method: "PUT", body: JSON.stringify(input) }),
    onSuccess: (_saved, _input, _onMutate, { client }) =>
      client.invalidateQueries({ queryKey: settingsKeys.connection(), exact: true }),
  });

/** A mutation, not a query: each press is a fresh call to the upstream, never a cached answer. */
export const testConnectionMutation = () =>
  mutationOptions({
    mutationFn: () => fetchJson<ConnectionCheck>("/api/settings/connection/test", { method: "POST" }),
  });
