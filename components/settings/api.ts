import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import type { TestRequestInput, UpdateVerificationInput } from "@/lib/inbound/schemas";
import type { InboundWebhookView, RefusalView, TestRequestResult } from "@/lib/inbound/types";
import type { ConnectionCheck } from "@/lib/workspaces/describe-connection-check";
import type { ConnectionView } from "@/lib/workspaces/get-connection";
import type { RotatedInboundSecret } from "@/lib/workspaces/rotate-inbound-secret";
import type { ConnectionInput } from "@/lib/workspaces/schemas";
import { settingsKeys } from "./query-keys";

// The Settings page's fetchers: one per route handler under /api/settings.
export const connectionQuery = () =>
  queryOptions({
    queryKey: settingsKeys.connection(),
    queryFn: ({ signal }) => fetchJson<ConnectionView>("/api/settings/connection", { signal }),
  });

export const inboundSecretQuery = () =>
  queryOptions({
    queryKey: settingsKeys.inboundSecret(),
    queryFn: ({ signal }) => fetchJson<{ secret: string }>("/api/settings/inbound-secret", { signal }),
    // A secret should not outlive the screen that revealed it.
    gcTime: 0,
    staleTime: 0,
  });

export const inboundWebhookQuery = () =>
  queryOptions({
    queryKey: settingsKeys.inboundWebhook(),
    queryFn: ({ signal }) => fetchJson<InboundWebhookView>("/api/settings/inbound-webhook", { signal }),
  });

export const refusalsQuery = () =>
  queryOptions({
    queryKey: settingsKeys.refusals(),
    queryFn: ({ signal }) => fetchJson<{ data: RefusalView[] }>("/api/settings/inbound-webhook/refusals", { signal }),
    // Refusals arrive while someone fixes the connection: the list keeps itself current.
    refetchInterval: 10_000,
  });

export function saveConnection(input: ConnectionInput): Promise<null> {
  return fetchJson<null>("/api/settings/connection", { method: "PUT", body: JSON.stringify(input) });
}

export function testConnection(): Promise<ConnectionCheck> {
  return fetchJson<ConnectionCheck>("/api/settings/connection/test", { method: "POST" });
}

export function rotateInboundSecret(): Promise<RotatedInboundSecret> {
  return fetchJson<RotatedInboundSecret>("/api/settings/inbound-secret/rotate", { method: "POST" });
}

export function updateVerification(input: UpdateVerificationInput): Promise<InboundWebhookView> {
  return fetchJson<InboundWebhookView>("/api/settings/inbound-webhook", { method: "PUT", body: JSON.stringify(input) });
}

export function testInboundRequest(input: TestRequestInput): Promise<TestRequestResult> {
  return fetchJson<TestRequestResult>("/api/settings/inbound-webhook/test", { method: "POST", body: JSON.stringify(input) });
}
