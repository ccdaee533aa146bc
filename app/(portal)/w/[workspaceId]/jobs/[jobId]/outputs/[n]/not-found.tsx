"use client";

import Link from "next/link";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SearchIcon } from "@/components/ui/icons";

// A stable output link naming a job this workspace does not have, or an output the job does not have.
export default function OutputNotFound() {
  const routes = useWorkspaceRoutes();
  return (
    <EmptyState
      className="mt-10"
      icon={<SearchIcon className="size-5" />}
      title="Output not found"
      description="This workspace has no such job, or the job has no output with this number."
      action={
        <Link href={routes.jobs} className={buttonClassName("primary", "sm")}>
          Back to Jobs
        </Link>
      }
    />
  );
}
