import { RetentionSettings } from "@/components/retention/retention-settings";
import { ConnectionSettings } from "@/components/settings/connection-settings";
import { PageHeader } from "@/components/ui/page-header";
import { hasScope } from "@/lib/auth/roles";
import { requireMembership } from "@/lib/auth/session";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const membership = await requireMembership();
  return (
    <>
      <PageHeader title="Settings" description={`How ${membership.workspaceName} connects to the Jobs API and to your own services.`} />
      <ConnectionSettings canManage={hasScope(membership.role, "connection.write")} />
      <RetentionSettings canManage={hasScope(membership.role, "retention.write")} />
    </>
  );
}
