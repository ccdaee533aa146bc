"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { CopyButton } from "@/components/ui/copy-button";
import { Switch } from "@/components/ui/switch";
import type { WebhookEndpointView } from "@/lib/webhook-endpoints/types";
import { EndpointStatusBadge } from "./endpoint-status-badge";
import { updateEndpointMutation } from "./mutations";
import { SuccessRate } from "./success-rate";

export function EndpointHeader({ endpoint, canManage }: { endpoint: WebhookEndpointView; canManage: boolean }) {
  const routes = useWorkspaceRoutes();
  const update = useMutation(updateEndpointMutation());
  return (
    <header className="mb-8">
      <nav aria-label="Breadcrumb" className="mb-2 flex items-center gap-1.5 text-sm text-subtle">
        <Link href={routes.settings} className="hover:text-emphasis">
          Settings
        </Link>
        <span aria-hidden="true">/</span>
        <Link href={routes.webhooks} className="hover:text-emphasis">
          Webhooks
        </Link>
      </nav>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-2">
          <div className="flex items-center gap-2">
            <h1 className="font-mono text-lg font-semibold tracking-tight break-all text-emphasis">{endpoint.url}</h1>
            <CopyButton value={endpoint.url} label="Copy endpoint URL" variant="ghost" />
          </div>
          {endpoint.description && <p className="text-sm text-subtle">{endpoint.description}</p>}
          <div className="flex flex-wrap items-center gap-2">
            <EndpointStatusBadge endpoint={endpoint} />
            {endpoint.eventTypes.map((type) => (
              <span key={type} className="rounded bg-subtle px-1.5 py-0.5 font-mono text-caption text-default">
                {type}
              </span>
            ))}
          </div>
        </div>
        <div className="flex shrink-0 items-center gap-6">
          <div>
            <p className="mb-1 text-xs font-medium tracking-wide text-subtle uppercase">Success, 24 h</p>
            <SuccessRate stats={endpoint.stats} />
          </div>
          <label className="flex items-center gap-2.5 text-sm font-medium text-emphasis">
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
        <p id="endpoint-switch-error" role="alert" className="mt-2 text-ui text-danger">
          {update.error.message}
        </p>
      )}
    </header>
  );
}
