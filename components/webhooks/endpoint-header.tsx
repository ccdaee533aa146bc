"use client";

import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-button";
import { Switch } from "@/components/ui/switch";
import type { WebhookEndpointView } from "@/lib/webhook-endpoints/serialize-endpoint";
import { EndpointStatusBadge } from "./endpoint-status-badge";
import { SuccessRate } from "./success-rate";
import { useUpdateEndpoint } from "./use-update-endpoint";

export function EndpointHeader({ endpoint, canManage }: { endpoint: WebhookEndpointView; canManage: boolean }) {
  const update = useUpdateEndpoint();
  return (
    <header className="mb-8">
      <nav aria-label="Breadcrumb" className="mb-2 flex items-center gap-1.5 text-sm text-zinc-500 dark:text-zinc-400">
        <Link href="/settings" className="hover:text-zinc-900 dark:hover:text-zinc-100">
          Settings
        </Link>
        <span aria-hidden="true">/</span>
        <Link href="/settings/webhooks" className="hover:text-zinc-900 dark:hover:text-zinc-100">
          Webhooks
        </Link>
      </nav>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-2">
          <div className="flex items-center gap-2">
            <h1 className="font-mono text-lg font-semibold tracking-tight break-all text-zinc-900 dark:text-zinc-50">{endpoint.url}</h1>
            <CopyButton value={endpoint.url} label="Copy endpoint URL" variant="ghost" />
          </div>
          {endpoint.description && <p className="text-sm text-zinc-500 dark:text-zinc-400">{endpoint.description}</p>}
          <div className="flex flex-wrap items-center gap-2">
            <EndpointStatusBadge endpoint={endpoint} />
            {endpoint.eventTypes.map((type) => (
              <span key={type} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[12px] text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                {type}
              </span>
            ))}
          </div>
        </div>
        <div className="flex shrink-0 items-center gap-6">
          <div>
            <p className="mb-1 text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Success, 24 h</p>
            <SuccessRate stats={endpoint.stats} />
          </div>
          <label className="flex items-center gap-2.5 text-sm font-medium text-zinc-800 dark:text-zinc-200">
            <Switch
              checked={endpoint.enabled}
              disabled={!canManage || update.isPending}
              onCheckedChange={(enabled) => update.mutate({ endpointId: endpoint.id, enabled })}
              aria-describedby={update.isError ? "endpoint-switch-error" : undefined}
            />
            Enabled
          </label>
        </div>
      </div>
      {update.isError && (
        <p id="endpoint-switch-error" role="alert" className="mt-2 text-[13px] text-red-600 dark:text-red-400">
          {update.error.message}
        </p>
      )}
    </header>
  );
}
