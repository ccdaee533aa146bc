"use client";

import Link from "next/link";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { WebhookIcon } from "@/components/ui/icons";

// An endpoint id this workspace does not have — deleted, mistyped, or another workspace's: one answer.
export default function WebhookEndpointNotFound() {
  const routes = useWorkspaceRoutes();
  return (
    <EmptyState
      className="mt-10"
      icon={<WebhookIcon className="size-5" />}
      title="Endpoint not found"
      description="This workspace has no webhook endpoint with this id. It may have been deleted."
      action={
        <Link href={routes.webhooks} className={buttonClassName("primary", "sm")}>
          Back to Webhooks
        </Link>
      }
    />
  );
}
