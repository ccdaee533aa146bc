import { Badge } from "@/components/ui/badge";
import type { WebhookEndpointView } from "@/lib/webhook-endpoints/types";

/** Enabled, failing, disabled by hand, or disabled by the portal (with its reason in the title). */
export function EndpointStatusBadge({ endpoint }: { endpoint: WebhookEndpointView }) {
  if (!endpoint.enabled && endpoint.disabledReason) {
    return (
      <Badge tone="danger" dot title={endpoint.disabledReason} data-testid="endpoint-status">
        Disabled automatically
      </Badge>
    );
  }
  if (!endpoint.enabled) {
    return (
      <Badge tone="neutral" data-testid="endpoint-status">
        Disabled
      </Badge>
    );
  }
  if (endpoint.failingSince) {
    return (
      <Badge tone="warning" dot data-testid="endpoint-status">
        Failing
      </Badge>
    );
  }
  return (
    <Badge tone="success" dot data-testid="endpoint-status">
      Enabled
    </Badge>
  );
}
