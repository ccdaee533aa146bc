import type { Prisma } from "@/lib/db/generated/client";
import type { JobEventType } from "@/lib/workflow/workflows";
import type { EndpointStats, WebhookEndpointView } from "./types";

// Server importers keep naming the types from here; client code imports them from ./types.
export type { EndpointStats, WebhookEndpointView };

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
  skippedFrom: true,
  skippedUntil: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.WebhookEndpointSelect;

export type EndpointRow = Prisma.WebhookEndpointGetPayload<{ select: typeof endpointSelect }>;

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
    skipped:
      row.skippedFrom && row.skippedUntil
        ? { from: row.skippedFrom.toISOString(), until: row.skippedUntil.toISOString() }
        : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    stats,
  };
}
