import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { AppShell } from "@/components/shell/app-shell";
import { requireMembership } from "@/lib/auth/session";
import { listUserWorkspaces } from "@/lib/workspaces/list-user-workspaces";

// Every workspace page renders per request for the signed-in member of the workspace its URL
// names (/w/{workspaceId}/…; proxy.ts hands the id to requireMembership). proxy.ts redirects the
// signed-out earlier; this check is the one that counts. Another workspace's URL is a 404.
export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ workspaceId: string }>;
}) {
  const [{ workspaceId }, membership] = await Promise.all([params, requireMembership()]);
  if (membership.workspaceId !== workspaceId) notFound();
  const workspaces = await listUserWorkspaces(membership.userId);
  return (
    <QueryProvider>
      <AppShell
        workspace={{ id: membership.workspaceId, name: membership.workspaceName, role: membership.role }}
        workspaces={workspaces}
        email={membership.email}
      >
        {children}
      </AppShell>
    </QueryProvider>
  );
}
