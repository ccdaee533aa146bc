import { ApiError } from "@/lib/http/api-error";
import type { EndpointRow } from "@/lib/webhook-endpoints/serialize-endpoint";

/** Resends and replays would only be given up again by the worker while the endpoint is off. */
export function assertEndpointEnabled(endpoint: Pick<EndpointRow, "enabled">): void {
  if (!endpoint.enabled) {
    throw new ApiError("CONFLICT", "The endpoint is disabled: enable it before sending events to it again");
  }
}
