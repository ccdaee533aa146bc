import { findEndpointRow, getEndpointOrThrow } from "./get-endpoint-or-throw";
import { getOneEndpointStats } from "./get-endpoint-stats";
import { serializeEndpoint, type EndpointRow, type WebhookEndpointView } from "./serialize-endpoint";

async function toView(workspaceId: string, row: EndpointRow): Promise<WebhookEndpointView> {
  return serializeEndpoint(row, await getOneEndpointStats(workspaceId, row.id));
}

/** One endpoint of the workspace as its page shows it, or null (for pages, which answer 404). */
export async function findEndpoint(workspaceId: string, endpointId: string): Promise<WebhookEndpointView | null> {
  const row = await findEndpointRow(workspaceId, endpointId);
  return row && toView(workspaceId, row);
}

export async function getEndpoint(workspaceId: string, endpointId: string): Promise<WebhookEndpointView> {
  return toView(workspaceId, await getEndpointOrThrow(workspaceId, endpointId));
}
