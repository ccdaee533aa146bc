import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ArrowRightIcon, WebhookIcon } from "@/components/ui/icons";

/** The way from Settings to Settings → Webhooks, which lives on its own route (like API keys). */
export function WebhooksLinkCard() {
  return (
    <Card>
      <Link
        href="/settings/webhooks"
        className="group flex items-center gap-4 rounded-lg px-6 py-5 transition-colors hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-brand-500 dark:hover:bg-zinc-800/40"
      >
        <span className="flex size-9 shrink-0 items-center justify-center rounded-md bg-brand-50 text-brand-600 ring-1 ring-brand-600/10 ring-inset dark:bg-brand-500/15 dark:text-brand-300">
          <WebhookIcon />
        </span>
        <span className="min-w-0 flex-1">
          <span className="block text-sm font-medium text-zinc-900 dark:text-zinc-100">Manage webhook endpoints</span>
          <span className="block text-[13px] text-zinc-500 dark:text-zinc-400">Add endpoints, choose events, inspect and resend deliveries.</span>
        </span>
        <ArrowRightIcon className="size-4 text-zinc-400 transition-transform group-hover:translate-x-0.5" />
      </Link>
    </Card>
  );
}
