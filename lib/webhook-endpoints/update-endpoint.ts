import "server-only";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { assertUrlAllowed } from "./assert-url-allowed";
import { ENDPOINT_NOT_FOUND } from "./get-endpoint-or-throw";
import { getEndpoint } from "./get-endpoint";
import type { UpdateEndpointInput } from "./schemas";
import type { WebhookEndpointView } from "./serialize-endpoint";

/**
 * Changes the fields given. Turning an endpoint on is a re-enable (the automatic disable's reason
 * and failure run are cleared); turning it off by hand records when, without a reason.
 */
export async function updateEndpoint(workspaceId: string, endpointId: string, input: UpdateEndpointInput): Promise<WebhookEndpointView> {
  if (input.url !== undefined) await assertUrlAllowed(input.url);
  const switched =
    input.enabled === true
      ? { enabled: true, disabledReason: null, disabledAt: null, failingSince: null }
      : input.enabled === false
        ? { enabled: false, disabledReason: null, disabledAt: new Date() }
        : {};
  const updated = await prisma.webhookEndpoint.updateMany({
    where: { id: endpointId, workspaceId },
    data: { url: input.url, description: input.description, eventTypes: input.eventTypes, ...switched },
  });
  if (updated.count === 0) throw new ApiError("RESOURCE_NOT_FOUND", ENDPOINT_NOT_FOUND);
  return getEndpoint(workspaceId, endpointId);
}
