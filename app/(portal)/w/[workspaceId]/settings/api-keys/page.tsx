import Link from "next/link";
import { ApiKeysPanel } from "@/components/api-keys/api-keys-panel";
import { routes } from "@/components/routes";
import { buttonClassName } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { hasScope } from "@/lib/auth/roles";
import { requireMembership } from "@/lib/auth/session";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const membership = await requireMembership();
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={routes.settings} className="hover:text-emphasis">
            Settings
          </Link>
        }
        title="API keys"
        description={`Portal API keys call the /v1 API on behalf of ${membership.workspaceName}: job listing and fresh download links, without handing out the Jobs API's own key.`}
        actions={
          <Link href={routes.apiDocs} className={buttonClassName("secondary")}>
            API docs
          </Link>
        }
      />
      <ApiKeysPanel canManage={hasScope(membership.role, "apiKeys.write")} />
    </>
  );
}
