"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatCount, formatExact } from "@/components/ui/format";
import type { WebhookEndpointView } from "@/lib/webhook-endpoints/types";
import { dismissSkippedMutation, replaySkippedMutation } from "./mutations";
import { skippedEventsQuery } from "./queries";

// After an endpoint is re-enabled: the events that arrived while it was off got no delivery to it.
// Offered once, to send them now or to let them go; either ends the offer.
export function SkippedEventsBanner({ endpoint, canManage }: { endpoint: WebhookEndpointView; canManage: boolean }) {
  const skipped = useQuery({
    ...skippedEventsQuery(endpoint.id),
    enabled: endpoint.enabled && endpoint.skipped !== null,
  });
  const replay = useMutation(replaySkippedMutation());
  const dismiss = useMutation(dismissSkippedMutation());
  if (replay.isSuccess) {
    const { count } = replay.data;
    return (
      <Alert
        tone="success"
        title={count === 1 ? "1 skipped event queued" : `${formatCount(count)} skipped events queued`}
        className="mb-6"
      >
        They go out within seconds, and appear in the delivery log below.
      </Alert>
    );
  }
  if (!endpoint.enabled || !endpoint.skipped || !skipped.data || skipped.data.count === 0) return null;

  const { count, atLeast } = skipped.data;
  const events = count === 1 && !atLeast ? "1 event was" : `${formatCount(count, atLeast)} events were`;
  return (
    <Alert
      tone="info"
      title={`${events} skipped while this endpoint was disabled — replay them?`}
      className="mb-6"
      action={
        canManage && (
          <div className="flex gap-2">
            <Button
              size="sm"
              variant="ghost"
              loading={dismiss.isPending}
              disabled={replay.isPending}
              onClick={() => dismiss.mutate(endpoint.id)}
            >
              Dismiss
            </Button>
            <Button
              size="sm"
              loading={replay.isPending}
              disabled={dismiss.isPending}
              onClick={() => replay.mutate(endpoint.id)}
            >
              Replay {count === 1 && !atLeast ? "it" : "them"}
            </Button>
          </div>
        )
      }
    >
      <p>
        From {formatExact(endpoint.skipped.from)} to {formatExact(endpoint.skipped.until)}. A replay delivers each of
        them now, signed and with fresh download links like any delivery.
      </p>
      {(replay.isError || dismiss.isError) && (
        <p className="mt-1 font-medium">{(replay.error ?? dismiss.error)?.message}</p>
      )}
    </Alert>
  );
}
