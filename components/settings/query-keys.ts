// Query keys of the Settings page; every hook and invalidation goes through this factory.
export const settingsKeys = {
  all: ["settings"] as const,
  connection: () => [...settingsKeys.all, "connection"] as const,
  inboundSecret: () => [...settingsKeys.all, "inbound-secret"] as const,
  inboundWebhook: () => [...settingsKeys.all, "inbound-webhook"] as const,
  refusals: () => [...settingsKeys.all, "inbound-webhook", "refusals"] as const,
};
