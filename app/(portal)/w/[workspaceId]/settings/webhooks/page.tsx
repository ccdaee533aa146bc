import Link from "next/link";
import { routes } from "@/components/routes";
import { PageHeader } from "@/components/ui/page-header";
import { VerifySignaturesCard } from "@/components/webhooks/verify-signatures-card";
import { WebhooksPanel } from "@/components/webhooks/webhooks-panel";
import { hasScope } from "@/lib/auth/roles";
import { requireMembership } from "@/lib/auth/session";

export const metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const membership = await requireMembership();
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={routes.settings} className="hover:text-emphasis">
            Settings
          </Link>
        }
        title="Webhooks"
        description={`Real-time notifications when a job of ${membership.workspaceName} changes status: the portal signs each event and delivers it to your endpoints, with retries and a delivery log.`}
      />
      <div className="space-y-8">
        <WebhooksPanel canManage={hasScope(membership.role, "endpoints.write")} />
        <VerifySignaturesCard />
      </div>
    </>
  );
}
