import { queryOptions } from "@tanstack/react-query";
import { settingsKeys } from "@/components/settings/queries";
import { fetchJson } from "@/lib/http/fetch-json";
import type { InboundWebhookView, RefusalView } from "@/lib/inbound/types";

// Settings → Inbound webhook, reads: the key factory and one queryOptions factory per route under
// /api/settings/inbound-*. The keys stay under ["settings"], beside the connection they belong to.

export const inboundKeys = {
  webhook: () => [...settingsKeys.all, "inbound-webhook"] as const,
  refusals: () => [...inboundKeys.webhook(), "refusals"] as const,
  secret: () => [...settingsKeys.all, "inbound-secret"] as const,
};

export const inboundWebhookQuery = () =>
  queryOptions({
    queryKey: inboundKeys.webhook(),
    queryFn: ({ signal }) => fetchJson<InboundWebhookView>("/api/settings/inbound-webhook", { signal }),
  });

/** The inbound secret (or URL token): fetch it only while revealed, with `enabled`. */
export const inboundSecretQuery = () =>
  queryOptions({
    queryKey: inboundKeys.secret(),
    queryFn: ({ signal }) => fetchJson<{ secret: string }>("/api/settings/inbound-secret", { signal }),
    // A secret should not outlive the screen that revealed it.
    gcTime: 0,
    staleTime: 0,
  });

export const refusalsQuery = () =>
  queryOptions({
    queryKey: inboundKeys.refusals(),
    queryFn: ({ signal }) => fetchJson<{ data: RefusalView[] }>("/api/settings/inbound-webhook/refusals", { signal }),
    // Refusals arrive while someone fixes the connection: the list keeps itself current.
    refetchInterval: 10_000,
  });
