"use client";

import { ResourceNotFound } from "@/components/resource-not-found";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { SearchIcon } from "@/components/ui/icons";

// A job id this workspace does not have — missing, mistyped, or another workspace's: one answer.
export default function JobNotFound() {
  const routes = useWorkspaceRoutes();
  const description = "This workspace has no job with this id. Check the id, or look for the job on the Jobs page.";
  return (
    <ResourceNotFound
      icon={<SearchIcon className="size-5" />}
      title="Job not found"
      description={description}
      back={{ href: routes.jobs, label: "Back to Jobs" }}
    />
  );
}
