// Query keys of the Webhooks feature; every hook and invalidation goes through this factory.
export const webhookKeys = {
  all: ["webhooks"] as const,
  endpoints: () => [...webhookKeys.all, "endpoints"] as const,
  endpoint: (endpointId: string) => [...webhookKeys.all, "endpoint", endpointId] as const,
  secret: (endpointId: string) => [...webhookKeys.endpoint(endpointId), "secret"] as const,
  deliveries: (endpointId: string) => [...webhookKeys.endpoint(endpointId), "deliveries"] as const,
  replayCount: (endpointId: string, since: string) => [...webhookKeys.endpoint(endpointId), "replay-count", since] as const,
  delivery: (deliveryId: string) => [...webhookKeys.all, "delivery", deliveryId] as const,
  jobDeliveries: (jobId: string) => [...webhookKeys.all, "job", jobId, "deliveries"] as const,
};
