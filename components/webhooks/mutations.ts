import { mutationOptions, type QueryClient } from "@tanstack/react-query";
import { jobsKeys } from "@/components/jobs/queries";
import type { TestEventInput } from "@/lib/delivery/schemas";
import type { DeliveryView, ReplayCurl, TestEventResult } from "@/lib/delivery/types";
import { fetchJson } from "@/lib/http/fetch-json";
import type { CreateEndpointInput, UpdateEndpointInput } from "@/lib/webhook-endpoints/schemas";
import type { RotatedEndpointSecret, WebhookEndpointView } from "@/lib/webhook-endpoints/types";
import { deliveryUrl, endpointUrl, webhookKeys } from "./queries";

// The Webhooks feature's writes, each refreshing exactly the queries it changes.

/** An endpoint the server answered with: its page shows it at once, the list refetches. */
function storeEndpoint(client: QueryClient, endpoint: WebhookEndpointView) {
  client.setQueryData(webhookKeys.endpoint(endpoint.id), { endpoint });
  return client.invalidateQueries({ queryKey: webhookKeys.endpoints(), exact: true });
}

export const createEndpointMutation = () =>
  mutationOptions({
    mutationFn: (input: CreateEndpointInput) =>
      fetchJson<{ endpoint: WebhookEndpointView }>("/api/webhook-endpoints", {
        method: "POST",
        body: JSON.stringify(input),
      }),
    onSuccess: ({ endpoint }, _input, _onMutate, { client }) => storeEndpoint(client, endpoint),
  });

/** Edits and the enable switch: the answer is the endpoint as saved. */
export const updateEndpointMutation = () =>
  mutationOptions({
    mutationFn: ({ endpointId, ...input }: UpdateEndpointInput & { endpointId: string }) =>
      fetchJson<{ endpoint: WebhookEndpointView }>(endpointUrl(endpointId), {
        method: "PATCH",
        body: JSON.stringify(input),
      }),
    onSuccess: ({ endpoint }, _input, _onMutate, { client }) => storeEndpoint(client, endpoint),
  });

/** Turns an endpoint the portal disabled back on. */
export const enableEndpointMutation = () =>
  mutationOptions({
    mutationFn: (endpointId: string) =>
      fetchJson<{ endpoint: WebhookEndpointView }>(endpointUrl(endpointId, "/enable"), { method: "POST" }),
    onSuccess: ({ endpoint }, _endpointId, _onMutate, { client }) => storeEndpoint(client, endpoint),
  });

export const deleteEndpointMutation = () =>
  mutationOptions({
    mutationFn: (endpointId: string) => fetchJson<null>(endpointUrl(endpointId), { method: "DELETE" }),
    onSuccess: (_deleted, endpointId, _onMutate, { client }) => {
      // Its page, secret and log are gone with it.
      client.removeQueries({ queryKey: webhookKeys.endpoint(endpointId) });
      return client.invalidateQueries({ queryKey: webhookKeys.endpoints(), exact: true });
    },
  });

export const rotateEndpointSecretMutation = (endpointId: string) =>
  mutationOptions({
    mutationFn: () => fetchJson<RotatedEndpointSecret>(endpointUrl(endpointId, "/secret/rotate"), { method: "POST" }),
    onSuccess: (_rotated, _variables, _onMutate, { client }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: webhookKeys.secret(endpointId), exact: true }),
        // The previous secret's expiry shows on the page.
        client.invalidateQueries({ queryKey: webhookKeys.endpoint(endpointId), exact: true }),
      ]),
  });

/** A mutation, not a query: each press is a fresh request to the receiver, never a cached answer. */
export const sendTestEventMutation = (endpointId: string) =>
  mutationOptions({
    mutationFn: (input: Partial<TestEventInput> = {}) =>
      fetchJson<TestEventResult>(endpointUrl(endpointId, "/test"), { method: "POST", body: JSON.stringify(input) }),
  });

export const resendDeliveryMutation = () =>
  mutationOptions({
    mutationFn: (deliveryId: string) =>
      fetchJson<{ delivery: DeliveryView }>(deliveryUrl(deliveryId, "/resend"), { method: "POST" }),
    onSuccess: ({ delivery }, _deliveryId, _onMutate, { client }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: webhookKeys.delivery(delivery.id), exact: true }),
        client.invalidateQueries({ queryKey: webhookKeys.deliveries(delivery.endpointId), exact: true }),
        client.invalidateQueries({ queryKey: jobsKeys.detail(delivery.job.id), exact: true }),
      ]),
  });

/** Copy as cURL: signed by the server at the press, so a fresh request each time, never a cached one. */
export const replayCurlMutation = () =>
  mutationOptions({
    mutationFn: (deliveryId: string) => fetchJson<ReplayCurl>(deliveryUrl(deliveryId, "/curl")),
  });

/** Delivers the events that arrived while the endpoint was disabled. */
export const replaySkippedMutation = () =>
  mutationOptions({
    mutationFn: (endpointId: string) =>
      fetchJson<{ count: number }>(endpointUrl(endpointId, "/skipped"), { method: "POST" }),
    onSuccess: (_replayed, endpointId, _onMutate, { client }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: webhookKeys.endpoint(endpointId), exact: true }),
        client.invalidateQueries({ queryKey: webhookKeys.skipped(endpointId), exact: true }),
        client.invalidateQueries({ queryKey: webhookKeys.deliveries(endpointId), exact: true }),
      ]),
  });

/** Forgets them without sending. */
export const dismissSkippedMutation = () =>
  mutationOptions({
    mutationFn: (endpointId: string) => fetchJson<null>(endpointUrl(endpointId, "/skipped"), { method: "DELETE" }),
    onSuccess: (_dismissed, endpointId, _onMutate, { client }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: webhookKeys.endpoint(endpointId), exact: true }),
        client.removeQueries({ queryKey: webhookKeys.skipped(endpointId), exact: true }),
      ]),
  });

export const replayFailedMutation = () =>
  mutationOptions({
    mutationFn: ({ endpointId, since }: { endpointId: string; since: string }) =>
      fetchJson<{ count: number }>(endpointUrl(endpointId, "/replay"), {
        method: "POST",
        body: JSON.stringify({ since }),
      }),
    onSuccess: (_replayed, { endpointId, since }, _onMutate, { client }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: webhookKeys.deliveries(endpointId), exact: true }),
        client.invalidateQueries({ queryKey: webhookKeys.replayCount(endpointId, since), exact: true }),
      ]),
  });
