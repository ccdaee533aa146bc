"use client";

import { useMutation } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatExact } from "@/components/ui/format";
import { FAILING_DISABLE_AFTER_MS, MAX_ATTEMPTS, RETRY_SPAN_MS } from "@/lib/delivery/retry-schedule";
import type { WebhookEndpointView } from "@/lib/webhook-endpoints/types";
import { enableEndpointMutation } from "./mutations";

/** Why events are not reaching the endpoint: disabled by the portal, by hand, or failing. */
export function EndpointStateBanner({ endpoint, canManage }: { endpoint: WebhookEndpointView; canManage: boolean }) {
  const enable = useMutation(enableEndpointMutation());
  if (endpoint.enabled && !endpoint.failingSince) return null;

  if (!endpoint.enabled && endpoint.disabledReason) {
    return (
      <Alert
        tone="danger"
        title="This endpoint was disabled automatically"
        className="mb-6"
        action={
          canManage && (
            <Button size="sm" variant="secondary" loading={enable.isPending} onClick={() => enable.mutate(endpoint.id)}>
              Re-enable
            </Button>
          )
        }
      >
        <p data-testid="disabled-reason">{endpoint.disabledReason}</p>
        <p className="mt-1">
          {endpoint.disabledAt && `Disabled ${formatExact(endpoint.disabledAt)}. `}
          No events are sent to it until it is re-enabled: fix the receiver first, then replay the deliveries that
          failed meanwhile.
        </p>
        {enable.isError && <p className="mt-1 font-medium">{enable.error.message}</p>}
      </Alert>
    );
  }
  if (!endpoint.enabled) {
    return (
      <Alert tone="info" title="This endpoint is disabled" className="mb-6">
        Events are not sent to it. Turn it back on with the switch above.
      </Alert>
    );
  }
  const disablesAt = new Date(Date.parse(endpoint.failingSince!) + FAILING_DISABLE_AFTER_MS).toISOString();
  return (
    <Alert
      tone="warning"
      title={`Deliveries have been failing since ${formatExact(endpoint.failingSince!)}`}
      className="mb-6"
    >
      <p>
        Each failed delivery is retried on the schedule below, {MAX_ATTEMPTS} attempts over about{" "}
        {Math.round(RETRY_SPAN_MS / 3_600_000)} hours, then marked failed. Unless a delivery succeeds before{" "}
        <span data-testid="disables-at">{formatExact(disablesAt)}</span>, the endpoint is disabled then; a 410 Gone
        answer disables it at once.
      </p>
      <p className="mt-1">Fixed your server? Replay the failed deliveries: one success ends this.</p>
    </Alert>
  );
}
