import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { TestEventResult } from "@/lib/delivery/send-test-event";
import { fetchJson } from "@/lib/http/fetch-json";
import type { DeliveryDetail } from "@/lib/delivery/get-delivery-detail";
import type { DeliveryPage } from "@/lib/delivery/list-endpoint-deliveries";
import type { RotatedEndpointSecret } from "@/lib/webhook-endpoints/rotate-endpoint-secret";
import type { CreateEndpointInput, UpdateEndpointInput } from "@/lib/webhook-endpoints/schemas";
import type { DeliveryView } from "@/lib/delivery/serialize-delivery";
import type { WebhookEndpointView } from "@/lib/webhook-endpoints/serialize-endpoint";
import { webhookKeys } from "./query-keys";

// The Webhooks feature's fetchers: one per route handler under /api/webhook-endpoints and /api/deliveries.
const endpointUrl = (endpointId: string, rest = "") => `/api/webhook-endpoints/${encodeURIComponent(endpointId)}${rest}`;
const deliveryUrl = (deliveryId: string, rest = "") => `/api/deliveries/${encodeURIComponent(deliveryId)}${rest}`;

/** While deliveries are in flight the log refreshes quickly, so attempts show as they happen. */
const LOG_REFRESH_MS = 3_000;
/** Success rates, and the worker disabling an endpoint, show up without a reload. */
const ENDPOINT_REFRESH_MS = 10_000;

export const endpointsQuery = () =>
  queryOptions({
    queryKey: webhookKeys.endpoints(),
    queryFn: ({ signal }) => fetchJson<{ endpoints: WebhookEndpointView[]; maxEndpoints: number }>("/api/webhook-endpoints", { signal }),
    refetchInterval: ENDPOINT_REFRESH_MS,
  });

export const endpointQuery = (endpointId: string) =>
  queryOptions({
    queryKey: webhookKeys.endpoint(endpointId),
    queryFn: ({ signal }) => fetchJson<{ endpoint: WebhookEndpointView }>(endpointUrl(endpointId), { signal }),
    refetchInterval: ENDPOINT_REFRESH_MS,
  });

export const endpointSecretQuery = (endpointId: string) =>
  queryOptions({
    queryKey: webhookKeys.secret(endpointId),
    queryFn: ({ signal }) => fetchJson<{ secret: string }>(endpointUrl(endpointId, "/secret"), { signal }),
    // A secret should not outlive the screen that revealed it.
    gcTime: 0,
    staleTime: 0,
  });

export const endpointDeliveriesQuery = (endpointId: string) =>
  infiniteQueryOptions({
    queryKey: webhookKeys.deliveries(endpointId),
    queryFn: ({ signal, pageParam }) =>
      fetchJson<DeliveryPage>(endpointUrl(endpointId, `/deliveries${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ""}`), { signal }),
    initialPageParam: "",
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: LOG_REFRESH_MS,
  });

export const deliveryQuery = (deliveryId: string) =>
  queryOptions({
    queryKey: webhookKeys.delivery(deliveryId),
    queryFn: ({ signal }) => fetchJson<DeliveryDetail>(deliveryUrl(deliveryId), { signal }),
    refetchInterval: (query) => (isInFlight(query.state.data?.delivery) ? LOG_REFRESH_MS : false),
  });

export const replayCountQuery = (endpointId: string, since: string) =>
  queryOptions({
    queryKey: webhookKeys.replayCount(endpointId, since),
    queryFn: ({ signal }) => fetchJson<{ count: number }>(endpointUrl(endpointId, `/replay?since=${encodeURIComponent(since)}`), { signal }),
    staleTime: 0,
  });

export const jobDeliveriesQuery = (jobId: string) =>
  queryOptions({
    queryKey: webhookKeys.jobDeliveries(jobId),
    queryFn: ({ signal }) => fetchJson<{ deliveries: DeliveryView[] }>(`/api/jobs/${encodeURIComponent(jobId)}/deliveries`, { signal }),
    refetchInterval: (query) => (query.state.data?.deliveries.some(isInFlight) ? LOG_REFRESH_MS : false),
  });

function isInFlight(delivery: DeliveryView | undefined): boolean {
  return delivery?.status === "pending" || delivery?.status === "delivering";
}

export function createEndpoint(input: CreateEndpointInput): Promise<{ endpoint: WebhookEndpointView }> {
  return fetchJson("/api/webhook-endpoints", { method: "POST", body: JSON.stringify(input) });
}

export function updateEndpoint({ endpointId, ...input }: UpdateEndpointInput & { endpointId: string }): Promise<{ endpoint: WebhookEndpointView }> {
  return fetchJson(endpointUrl(endpointId), { method: "PATCH", body: JSON.stringify(input) });
}

export function deleteEndpoint(endpointId: string): Promise<null> {
  return fetchJson(endpointUrl(endpointId), { method: "DELETE" });
}

export function enableEndpoint(endpointId: string): Promise<{ endpoint: WebhookEndpointView }> {
  return fetchJson(endpointUrl(endpointId, "/enable"), { method: "POST" });
}

export function rotateEndpointSecret(endpointId: string): Promise<RotatedEndpointSecret> {
  return fetchJson(endpointUrl(endpointId, "/secret/rotate"), { method: "POST" });
}

export function sendTestEvent(endpointId: string): Promise<TestEventResult> {
  return fetchJson(endpointUrl(endpointId, "/test"), { method: "POST" });
}

export function resendDelivery(deliveryId: string): Promise<{ delivery: DeliveryView }> {
  return fetchJson(deliveryUrl(deliveryId, "/resend"), { method: "POST" });
}

export function replayFailed({ endpointId, since }: { endpointId: string; since: string }): Promise<{ count: number }> {
  return fetchJson(endpointUrl(endpointId, "/replay"), { method: "POST", body: JSON.stringify({ since }) });
}
