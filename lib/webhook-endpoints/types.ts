import type { JobEventType } from "@/lib/workflow/workflows";

// Response types of the webhook endpoint routes, importable by client components (no server code).

/** How the endpoint's recent deliveries went (those with at least one attempt). */
export interface EndpointStats {
  windowHours: number;
  succeeded: number;
  /** Gave up, or still retrying after a failed attempt. */
  failing: number;
  /** First attempt under way (or queued again after a success): neither a success nor a failure yet. */
  inFlight: number;
  /** succeeded / (succeeded + failing), or null with nothing attempted in the window. */
  successRate: number | null;
}

/** An endpoint as the list and its page show it: never its secret. */
export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string | null;
  eventTypes: JobEventType[];
  enabled: boolean;
  /** Set when the portal disabled the endpoint itself (five days of failures, or 410 Gone). */
  disabledReason: string | null;
  disabledAt: string | null;
  /** Start of the current run of failures; cleared by a success. */
  failingSince: string | null;
  /** While set, deliveries carry a signature with the secret before the last rotation too. */
  previousSecretExpiresAt: string | null;
  /**
   * When the endpoint was disabled and enabled again: events stored in between got no delivery to
   * it and can be replayed (GET/POST /api/webhook-endpoints/{id}/skipped). Null once replayed or dismissed.
   */
  skipped: { from: string; until: string } | null;
  createdAt: string;
  updatedAt: string;
  stats: EndpointStats;
}

/** POST /api/webhook-endpoints/{endpointId}/secret/rotate */
export interface RotatedEndpointSecret {
  previousSecretExpiresAt: string;
}

/** GET /api/webhook-endpoints/{endpointId}/skipped: the events a replay of the disabled period would send. */
export interface SkippedEvents {
  count: number;
  /** More than `count` (the count stops there). */
  atLeast: boolean;
}
