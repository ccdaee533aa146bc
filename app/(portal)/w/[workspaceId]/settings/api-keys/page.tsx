import Link from "next/link";
import { ApiKeysPanel } from "@/components/api-keys/api-keys-panel";
import { workspaceRoutes } from "@/components/routes";
import { SettingsPageHeader } from "@/components/settings/settings-page-header";
import { NoAccess } from "@/components/shell/no-access";
import { buttonClassName } from "@/components/ui/button";
import { hasScope } from "@/lib/auth/roles";
import { requireMembership } from "@/lib/auth/session";

export const metadata = { title: "API keys" };

// GET /w/{workspaceId}/settings/api-keys — owners, admins and developers: the workspace's portal API keys.
export default async function ApiKeysPage() {
  const membership = await requireMembership();
  const routes = workspaceRoutes(membership.workspaceId);
  return (
    <>
      <SettingsPageHeader
        settingsHref={routes.settings}
        title="API keys"
        description={`Portal API keys call the /v1 API on behalf of ${membership.workspaceName}: job listing and fresh download links, without handing out the Jobs API's own key.`}
        actions={
          <Link href={routes.apiDocs} className={buttonClassName("secondary")}>
            API docs
          </Link>
        }
      />
      {hasScope(membership.role, "apiKeys.read") ? (
        <ApiKeysPanel
          canCreate={hasScope(membership.role, "apiKeys.write")}
          canRevokeAny={hasScope(membership.role, "apiKeys.manage")}
          userId={membership.userId}
        />
      ) : (
        <NoAccess workspaceId={membership.workspaceId} role={membership.role} scope="apiKeys.read" what="API keys" />
      )}
    </>
  );
}
