import { workspaceRoutes } from "@/components/routes";
import { SettingsPageHeader } from "@/components/settings/settings-page-header";
import { NoAccess } from "@/components/shell/no-access";
import { VerifySignaturesCard } from "@/components/webhooks/verify-signatures-card";
import { WebhooksPanel } from "@/components/webhooks/webhooks-panel";
import { hasScope } from "@/lib/auth/roles";
import { requireMembership } from "@/lib/auth/session";

export const metadata = { title: "Webhooks" };

// GET /w/{workspaceId}/settings/webhooks — owners, admins and developers: the workspace's endpoints.
export default async function WebhooksPage() {
  const membership = await requireMembership();
  const routes = workspaceRoutes(membership.workspaceId);
  return (
    <>
      <SettingsPageHeader
        settingsHref={routes.settings}
        title="Webhooks"
        description={`Real-time notifications when a job of ${membership.workspaceName} changes status: the portal signs each event and delivers it to your endpoints, with retries and a delivery log.`}
      />
      {hasScope(membership.role, "endpoints.read") ? (
        <div className="space-y-8">
          <WebhooksPanel canManage={hasScope(membership.role, "endpoints.write")} />
          <VerifySignaturesCard />
        </div>
      ) : (
        <NoAccess
          workspaceId={membership.workspaceId}
          role={membership.role}
          scope="endpoints.read"
          what="webhook endpoints"
        />
      )}
    </>
  );
}
