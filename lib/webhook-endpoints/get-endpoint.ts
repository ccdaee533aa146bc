import { ApiError } from "@/lib/http/api-error";
import { findEndpoint } from "./find-endpoint";
import { ENDPOINT_NOT_FOUND } from "./get-endpoint-or-throw";
import type { WebhookEndpointView } from "./serialize-endpoint";

/** One endpoint of the workspace as its page shows it; none (or another workspace's) is a 404. */
export async function getEndpoint(workspaceId: string, endpointId: string): Promise<WebhookEndpointView> {
  const endpoint = await findEndpoint(workspaceId, endpointId);
  if (!endpoint) throw new ApiError("RESOURCE_NOT_FOUND", ENDPOINT_NOT_FOUND);
  return endpoint;
}
