import { RetentionSettings } from "@/components/retention/retention-settings";
import { workspaceRoutes } from "@/components/routes";
import { ApiKeysLinkCard } from "@/components/settings/api-keys-link-card";
import { ConnectionSettings } from "@/components/settings/connection-settings";
import { SettingsLinkCard } from "@/components/settings/settings-link-card";
import { SettingsSection } from "@/components/settings/settings-section";
import { AlertIcon, ShieldIcon, UsersIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { WebhooksLinkCard } from "@/components/webhooks/webhooks-link-card";
import { DeleteWorkspaceCard } from "@/components/workspaces/delete-workspace-card";
import { RenameWorkspaceForm } from "@/components/workspaces/rename-workspace-form";
import { hasScope } from "@/lib/auth/roles";
import { requireMembership } from "@/lib/auth/session";

export const metadata = { title: "Settings" };

// GET /w/{workspaceId}/settings — any member: each section their role may see (the routes refuse the rest).
export default async function SettingsPage() {
  const membership = await requireMembership();
  const routes = workspaceRoutes(membership.workspaceId);
  const may = (scope: Parameters<typeof hasScope>[1]) => hasScope(membership.role, scope);
  return (
    <>
      <PageHeader
        title="Settings"
        description={`How ${membership.workspaceName} connects to the Jobs API and to your own services, and who works in it.`}
      />
      <div className="divide-y divide-subtle">
        {may("connection.read") && <ConnectionSettings canManage={may("connection.write")} />}
        {may("endpoints.read") && (
          <SettingsSection
            id="outbound-webhooks"
            title="Webhook endpoints"
            description="Real-time notifications on your own server when a job changes status: signed, retried, and logged."
          >
            <WebhooksLinkCard />
          </SettingsSection>
        )}
        {may("apiKeys.read") && (
          <SettingsSection
            id="portal-api-keys"
            title="Portal API keys"
            description="Revocable keys for your services to call this portal's /v1 API instead of sharing the Jobs API's master key. Each key acts for the whole workspace: it lists every job and gets download links for any of them."
          >
            <ApiKeysLinkCard />
          </SettingsSection>
        )}
        <RetentionSettings canManage={may("retention.write")} />
        {may("alerts.read") && (
          <SettingsSection
            id="alerts"
            title="Alerts"
            description="Be told when something breaks instead of finding it by looking."
          >
            <SettingsLinkCard
              href={routes.alerts}
              icon={<AlertIcon />}
              title="Alerts"
              description="Email or chat when jobs fail or are late, endpoints are disabled, or the Jobs API goes quiet or its download links fail."
            />
          </SettingsSection>
        )}
        <SettingsSection
          id="team"
          title="Team"
          description="Who can open this workspace and what each may do; and, for owners and admins, the record of every security change."
        >
          <div className="space-y-3">
            <SettingsLinkCard
              href={routes.members}
              icon={<UsersIcon />}
              title="Members"
              description="Invite teammates, change roles, hand over ownership."
            />
            {may("audit.read") && (
              <SettingsLinkCard
                href={routes.auditLog}
                icon={<ShieldIcon />}
                title="Audit log"
                description="Who changed the connection, secrets, endpoints, keys and members, and when."
              />
            )}
          </div>
        </SettingsSection>
        {may("workspace.write") && (
          <SettingsSection
            id="workspace"
            title="Workspace"
            description="Its name, as members see it in the sidebar and in invites."
          >
            <div className="space-y-6">
              <RenameWorkspaceForm name={membership.workspaceName} />
              {may("workspace.delete") && <DeleteWorkspaceCard name={membership.workspaceName} />}
            </div>
          </SettingsSection>
        )}
      </div>
    </>
  );
}
