"use client";

import Link from "next/link";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SearchIcon } from "@/components/ui/icons";

// A job id this workspace does not have — missing, mistyped, or another workspace's: one answer.
export default function JobNotFound() {
  const routes = useWorkspaceRoutes();
  return (
    <EmptyState
      className="mt-10"
      icon={<SearchIcon className="size-5" />}
      title="Job not found"
      description="This workspace has no job with this id. Check the id, or look for the job on the Jobs page."
      action={
        <Link href={routes.jobs} className={buttonClassName("primary", "sm")}>
          Back to Jobs
        </Link>
      }
    />
  );
}
