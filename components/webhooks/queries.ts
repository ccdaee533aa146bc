import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { AttemptDebugView, DeliveryDetail, DeliveryPage, DeliveryView } from "@/lib/delivery/types";
import { fetchJson } from "@/lib/http/fetch-json";
import type { SkippedEvents, WebhookEndpointView } from "@/lib/webhook-endpoints/types";

// The Webhooks feature's reads: the key factory, then one queryOptions factory per route handler
// under /api/webhook-endpoints and /api/deliveries.

export const webhookKeys = {
  all: ["webhooks"] as const,
  endpoints: () => [...webhookKeys.all, "endpoints"] as const,
  endpoint: (endpointId: string) => [...webhookKeys.all, "endpoint", endpointId] as const,
  secret: (endpointId: string) => [...webhookKeys.endpoint(endpointId), "secret"] as const,
  deliveries: (endpointId: string) => [...webhookKeys.endpoint(endpointId), "deliveries"] as const,
  replayCount: (endpointId: string, since: string) =>
    [...webhookKeys.endpoint(endpointId), "replay-count", since] as const,
  skipped: (endpointId: string) => [...webhookKeys.endpoint(endpointId), "skipped"] as const,
  delivery: (deliveryId: string) => [...webhookKeys.all, "delivery", deliveryId] as const,
  attempt: (deliveryId: string, attemptId: string) =>
    [...webhookKeys.delivery(deliveryId), "attempt", attemptId] as const,
};

export const endpointUrl = (endpointId: string, rest = "") =>
  `/api/webhook-endpoints/${encodeURIComponent(endpointId)}${rest}`;
export const deliveryUrl = (deliveryId: string, rest = "") =>
  `/api/deliveries/${encodeURIComponent(deliveryId)}${rest}`;

/** While deliveries are in flight the log refreshes quickly, so attempts show as they happen. */
const LOG_REFRESH_MS = 3_000;
/** Success rates, and the worker disabling an endpoint, show up without a reload. */
const ENDPOINT_REFRESH_MS = 10_000;

function isInFlight(delivery: DeliveryView | undefined): boolean {
  return delivery?.status === "pending" || delivery?.status === "delivering";
}

export const endpointsQuery = () =>
  queryOptions({
    queryKey: webhookKeys.endpoints(),
    queryFn: ({ signal }) =>
      fetchJson<{ endpoints: WebhookEndpointView[]; maxEndpoints: number }>("/api/webhook-endpoints", { signal }),
    refetchInterval: ENDPOINT_REFRESH_MS,
  });

/** One endpoint (its page prefetches it on the server). */
export const endpointQuery = (endpointId: string) =>
  queryOptions({
    queryKey: webhookKeys.endpoint(endpointId),
    queryFn: ({ signal }) => fetchJson<{ endpoint: WebhookEndpointView }>(endpointUrl(endpointId), { signal }),
    refetchInterval: ENDPOINT_REFRESH_MS,
  });

/** The signing secret: fetch it only while revealed, with `enabled`. */
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
      fetchJson<DeliveryPage>(
        endpointUrl(endpointId, `/deliveries${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ""}`),
        { signal },
      ),
    initialPageParam: "",
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: LOG_REFRESH_MS,
  });

/** A delivery with its attempts, while a dialog shows it. */
export const deliveryQuery = (deliveryId: string) =>
  queryOptions({
    queryKey: webhookKeys.delivery(deliveryId),
    queryFn: ({ signal }) => fetchJson<DeliveryDetail>(deliveryUrl(deliveryId), { signal }),
    refetchInterval: (query) => (isInFlight(query.state.data?.delivery) ? LOG_REFRESH_MS : false),
  });

/** How many failed deliveries a replay from `since` would resend. */
export const replayCountQuery = (endpointId: string, since: string) =>
  queryOptions({
    queryKey: webhookKeys.replayCount(endpointId, since),
    queryFn: ({ signal }) =>
      fetchJson<{ count: number }>(endpointUrl(endpointId, `/replay?since=${encodeURIComponent(since)}`), { signal }),
    staleTime: 0,
  });

/** One attempt's request, signed string and answer, when the debugger opens it; an attempt never changes. */
export const attemptDebugQuery = (deliveryId: string, attemptId: string) =>
  queryOptions({
    queryKey: webhookKeys.attempt(deliveryId, attemptId),
    queryFn: ({ signal }) =>
      fetchJson<AttemptDebugView>(deliveryUrl(deliveryId, `/attempts/${encodeURIComponent(attemptId)}`), { signal }),
    staleTime: Infinity,
  });

/** How many events arrived while the endpoint was disabled (asked only when it says there was such a time). */
export const skippedEventsQuery = (endpointId: string) =>
  queryOptions({
    queryKey: webhookKeys.skipped(endpointId),
    queryFn: ({ signal }) => fetchJson<SkippedEvents>(endpointUrl(endpointId, "/skipped"), { signal }),
    staleTime: 0,
  });
