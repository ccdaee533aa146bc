import Link from "next/link";
import { ApiKeysPanel } from "@/components/api-keys/api-keys-panel";
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
          <Link href="/settings" className="hover:text-zinc-900 dark:hover:text-zinc-100">
            Settings
          </Link>
        }
        title="API keys"
        description={`Portal API keys call the /v1 API on behalf of ${membership.workspaceName}: job listing and fresh download links, without handing out the Jobs API's own key.`}
        actions={
          <Link href="/api-docs" className={buttonClassName("secondary")}>
            API docs
          </Link>
        }
      />
      <ApiKeysPanel canManage={hasScope(membership.role, "apiKeys.write")} />
    </>
  );
}
