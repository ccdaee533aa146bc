import { AuditLogView } from "@/components/audit/audit-log-view";
import { workspaceRoutes } from "@/components/routes";
import { SettingsPageHeader } from "@/components/settings/settings-page-header";
import { NoAccess } from "@/components/shell/no-access";
import { hasScope } from "@/lib/auth/roles";
import { requireMembership } from "@/lib/auth/session";

export const metadata = { title: "Audit log" };

// GET /w/{workspaceId}/settings/audit-log — owners and admins: who changed the workspace's security, and when.
export default async function AuditLogPage() {
  const membership = await requireMembership();
  const routes = workspaceRoutes(membership.workspaceId);
  return (
    <>
      <SettingsPageHeader
        settingsHref={routes.settings}
        title="Audit log"
        description={`Who did what to ${membership.workspaceName}'s connection, secrets, endpoints, API keys and members. Entries are kept for a year.`}
      />
      {hasScope(membership.role, "audit.read") ? (
        <AuditLogView />
      ) : (
        <NoAccess workspaceId={membership.workspaceId} role={membership.role} scope="audit.read" what="the audit log" />
      )}
    </>
  );
}
