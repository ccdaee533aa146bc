import { routes } from "@/components/routes";
import { SettingsLinkCard } from "@/components/settings/settings-link-card";
import { WebhookIcon } from "@/components/ui/icons";

/** The way from Settings to Settings → Webhooks, which lives on its own route (like API keys). */
export function WebhooksLinkCard() {
  return (
    <SettingsLinkCard
      href={routes.webhooks}
      icon={<WebhookIcon />}
      title="Manage webhook endpoints"
      description="Add endpoints, choose events, inspect and resend deliveries."
    />
  );
}
