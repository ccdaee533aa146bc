import type { Prisma } from "@/lib/db/generated/client";
import type { JobEventType } from "@/lib/workflow/workflows";

// The sealed secrets are deliberately absent: nothing that shows an endpoint needs them, and the
// reveal route reads the current one by name.
export const endpointSelect = {
  id: true,
  url: true,
  description: true,
  eventTypes: true,
  enabled: true,
  previousSecretExpiresAt: true,
  disabledReason: true,
  disabledAt: true,
  failingSince: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.WebhookEndpointSelect;

export type EndpointRow = Prisma.WebhookEndpointGetPayload<{ select: typeof endpointSelect }>;

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
  createdAt: string;
  updatedAt: string;
  stats: EndpointStats;
}

export function serializeEndpoint(row: EndpointRow, stats: EndpointStats, now = new Date()): WebhookEndpointView {
  const previous = row.previousSecretExpiresAt;
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes as JobEventType[],
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    failingSince: row.failingSince?.toISOString() ?? null,
    previousSecretExpiresAt: previous && previous > now ? previous.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    stats,
  };
}
