import Link from "next/link";
import { AlertsPanel } from "@/components/alerts/alerts-panel";
import { workspaceRoutes } from "@/components/routes";
import { PageHeader } from "@/components/ui/page-header";
import { hasScope } from "@/lib/auth/roles";
import { requireMembership } from "@/lib/auth/session";

export const metadata = { title: "Alerts" };

// GET /w/{workspaceId}/settings/alerts — any member (alerts.read): the alert rules (owners and admins change them) and the alert history.
export default async function AlertsPage() {
  const membership = await requireMembership();
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={workspaceRoutes(membership.workspaceId).settings} className="hover:text-emphasis">
            Settings
          </Link>
        }
        title="Alerts"
        description={`Be told by email or chat when a job of ${membership.workspaceName} fails or is late, an endpoint is disabled, or the Jobs API goes quiet or fails to give download links.`}
      />
      <AlertsPanel canManage={hasScope(membership.role, "alerts.write")} />
    </>
  );
}
