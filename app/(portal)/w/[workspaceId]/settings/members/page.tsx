import { MembersPanel } from "@/components/members/members-panel";
import { workspaceRoutes } from "@/components/routes";
import { SettingsPageHeader } from "@/components/settings/settings-page-header";
import { hasScope } from "@/lib/auth/roles";
import { requireMembership } from "@/lib/auth/session";

export const metadata = { title: "Members" };

// GET /w/{workspaceId}/settings/members — any member: who is in the workspace; owners and admins manage them.
export default async function MembersPage() {
  const membership = await requireMembership();
  const routes = workspaceRoutes(membership.workspaceId);
  return (
    <>
      <SettingsPageHeader
        settingsHref={routes.settings}
        title="Members"
        description={`Everyone who can open ${membership.workspaceName}, and what each may do.`}
      />
      <MembersPanel
        userId={membership.userId}
        workspaceName={membership.workspaceName}
        canManage={hasScope(membership.role, "members.write")}
        canTransfer={hasScope(membership.role, "workspace.transfer")}
      />
    </>
  );
}
