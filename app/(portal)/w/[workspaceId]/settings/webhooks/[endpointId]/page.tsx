import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { NoAccess } from "@/components/shell/no-access";
import { EndpointView } from "@/components/webhooks/endpoint-view";
import { webhookKeys } from "@/components/webhooks/queries";
import { hasScope } from "@/lib/auth/roles";
import { requireMembership } from "@/lib/auth/session";
import { isRouteId } from "@/lib/http/parse-route-params";
import { findEndpoint } from "@/lib/webhook-endpoints/find-endpoint";

export const metadata = { title: "Webhook endpoint" };

type Props = { params: Promise<{ endpointId: string }> };

// GET /w/{workspaceId}/settings/webhooks/{endpointId} — owners, admins and developers: one endpoint,
// its secret, test and delivery log. Another workspace's endpoint is a 404, like a missing one.
export default async function WebhookEndpointPage({ params }: Props) {
  const [{ endpointId }, membership] = await Promise.all([params, requireMembership()]);
  if (!hasScope(membership.role, "endpoints.read")) {
    return (
      <NoAccess
        workspaceId={membership.workspaceId}
        role={membership.role}
        scope="endpoints.read"
        what="webhook endpoints"
      />
    );
  }
  // A malformed id names nothing: not found, before any query sees it.
  const endpoint = isRouteId(endpointId) ? await findEndpoint(membership.workspaceId, endpointId) : null;
  if (!endpoint) notFound();

  const queryClient = new QueryClient();
  queryClient.setQueryData(webhookKeys.endpoint(endpointId), { endpoint });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <EndpointView
        endpointId={endpointId}
        canManage={hasScope(membership.role, "endpoints.write")}
        canDeliver={hasScope(membership.role, "deliveries.write")}
        canCopyCurl={hasScope(membership.role, "secrets.read")}
      />
    </HydrationBoundary>
  );
}
