import { routes } from "@/components/routes";
import { KeyIcon } from "@/components/ui/icons";
import { SettingsLinkCard } from "./settings-link-card";

/** The way from Settings to the API keys page, which lives on its own route. */
export function ApiKeysLinkCard() {
  return <SettingsLinkCard href={routes.apiKeys} icon={<KeyIcon />} title="Manage API keys" description="Create, name and revoke keys for the /v1 API." />;
}
