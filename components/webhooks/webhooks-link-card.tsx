"use client";

import { SettingsLinkCard } from "@/components/settings/settings-link-card";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { WebhookIcon } from "@/components/ui/icons";

/** The way from Settings to Settings → Webhooks, which lives on its own route (like API keys). */
export function WebhooksLinkCard() {
  const routes = useWorkspaceRoutes();
  return (
    <SettingsLinkCard
      href={routes.webhooks}
      icon={<WebhookIcon />}
      title="Manage webhook endpoints"
      description="Add endpoints, choose events, inspect and resend deliveries."
    />
  );
}
