"use client";

import { ResourceNotFound } from "@/components/resource-not-found";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { WebhookIcon } from "@/components/ui/icons";

// An endpoint id this workspace does not have — deleted, mistyped, or another workspace's: one answer.
export default function WebhookEndpointNotFound() {
  const routes = useWorkspaceRoutes();
  const description = "This workspace has no webhook endpoint with this id. It may have been deleted.";
  return (
    <ResourceNotFound
      icon={<WebhookIcon className="size-5" />}
      title="Endpoint not found"
      description={description}
      back={{ href: routes.webhooks, label: "Back to Webhooks" }}
    />
  );
}
