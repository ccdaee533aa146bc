import { AlertsLinkCard } from "@/components/alerts/alerts-link-card";
import { ConnectionSettings } from "@/components/settings/connection-settings";
import { SettingsSection } from "@/components/settings/settings-section";
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
      <div className="border-t border-subtle">
        <SettingsSection id="alerts" title="Alerts" description="Be told when something breaks instead of finding it by looking.">
          <AlertsLinkCard />
        </SettingsSection>
      </div>
    </>
  );
}
