import type { ReactNode } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { AppShell } from "@/components/shell/app-shell";
import { requireMembership } from "@/lib/auth/session";

// Every portal page renders per request for the signed-in member; proxy.ts redirects the
// signed-out earlier, this check is the one that counts (it also needs a membership).
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const membership = await requireMembership();
  return (
    <QueryProvider>
      <AppShell workspaceName={membership.workspaceName} email={membership.email}>
        {children}
      </AppShell>
    </QueryProvider>
  );
}
