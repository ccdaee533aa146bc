import type { AuditActor } from "@/lib/audit/record-audit";
import type { WebhookEndpointView } from "./serialize-endpoint";
import { updateEndpoint } from "./update-endpoint";

/** Re-enables an endpoint, typically one the portal disabled after failures or a 410 Gone. */
export function enableEndpoint(
  workspaceId: string,
  endpointId: string,
  actor: AuditActor,
): Promise<WebhookEndpointView> {
  return updateEndpoint(workspaceId, endpointId, { enabled: true }, actor);
}
