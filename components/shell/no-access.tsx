import Link from "next/link";
import { workspaceRoutes } from "@/components/routes";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LockIcon } from "@/components/ui/icons";
import { describeWhoMay, ROLE_LABELS, type Role, type Scope } from "@/lib/auth/roles";

export interface NoAccessProps {
  workspaceId: string;
  role: Role;
  scope: Scope;
  /** What the page shows, e.g. "webhook endpoints". */
  what: string;
}

/** A page the member's role may not see: who may, and what to do about it. The API refuses the same with a 403. */
export function NoAccess({ workspaceId, role, scope, what }: NoAccessProps) {
  return (
    <EmptyState
      className="mt-10"
      icon={<LockIcon className="size-5" />}
      title={`You can't see ${what}`}
      description={`Only workspace ${describeWhoMay(scope)} can see ${what}; you are a ${ROLE_LABELS[role].toLowerCase()} here. Ask an owner or admin if you need more access.`}
      action={
        <Link href={workspaceRoutes(workspaceId).jobs} className={buttonClassName("primary", "sm")}>
          Back to Jobs
        </Link>
      }
    />
  );
}
