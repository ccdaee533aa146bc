"use client";

import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { KeyIcon } from "@/components/ui/icons";
import { SettingsLinkCard } from "./settings-link-card";

/** The way from Settings to the API keys page, which lives on its own route. */
export function ApiKeysLinkCard() {
  const routes = useWorkspaceRoutes();
  return (
    <SettingsLinkCard
      href={routes.apiKeys}
      icon={<KeyIcon />}
      title="Manage API keys"
      description="Create, name and revoke keys for the /v1 API."
    />
  );
}
