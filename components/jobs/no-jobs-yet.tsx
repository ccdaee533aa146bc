"use client";

import Link from "next/link";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { buttonClassName } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { WebhookIcon } from "@/components/ui/icons";

/** No jobs at all: says how jobs get here. */
export function NoJobsYet({ webhookUrl }: { webhookUrl: string }) {
  const routes = useWorkspaceRoutes();
  return (
    <EmptyState
      icon={<WebhookIcon className="size-5" />}
      title="No jobs yet"
      description={
        <>
          Jobs appear here, live, as soon as the Jobs API sends their first webhook. Point your Jobs API webhook at this
          workspace&apos;s URL — or run <code className="font-mono text-ui">npm run demo</code> to start the simulator.
        </>
      }
      action={
        <div className="flex flex-col items-center gap-3">
          <div className="flex max-w-full items-center gap-1 rounded-md border border-subtle bg-muted py-1 pr-1 pl-3">
            <code className="truncate font-mono text-ui text-emphasis" data-testid="webhook-url">
              {webhookUrl}
            </code>
            <CopyButton value={webhookUrl} label="Copy webhook URL" variant="ghost" />
          </div>
          <Link href={routes.settings} className={buttonClassName("secondary", "sm")}>
            Webhook settings and signing secret
          </Link>
        </div>
      }
    />
  );
}
