"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { QueryState } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { WebhookIcon } from "@/components/ui/icons";
import { SkeletonRows } from "@/components/ui/skeleton";
import { MAX_ATTEMPTS, RETRY_SPAN_MS } from "@/lib/delivery/retry-schedule";
import { CreateEndpointDialog } from "./create-endpoint-dialog";
import { EndpointsTable } from "./endpoints-table";
import { endpointsQuery } from "./queries";

/** Settings → Webhooks: the endpoints the portal re-delivers job events to, and adding one. */
export function WebhooksPanel({ canManage }: { canManage: boolean }) {
  const endpoints = useQuery(endpointsQuery());
  const [creating, setCreating] = useState(false);
  const count = endpoints.data?.endpoints.length ?? 0;
  const max = endpoints.data?.maxEndpoints;
  const full = max !== undefined && count >= max;
  const addButton = canManage && (
    <Button onClick={() => setCreating(true)} disabled={full} aria-describedby={full ? "endpoint-limit" : undefined}>
      Add endpoint
    </Button>
  );

  const body = (
    <QueryState
      query={endpoints}
      errorTitle="Could not load the endpoints"
      placeholder={<SkeletonRows rowClassName="h-14" />}
    >
      {(data) =>
        data.endpoints.length === 0 ? (
          <EmptyState
            icon={<WebhookIcon className="size-5" />}
            title="No webhook endpoints yet"
            description="Add an endpoint to hear about every job status change the moment it happens: created, processing, completed or failed."
            action={addButton}
          />
        ) : (
          <EndpointsTable endpoints={data.endpoints} />
        )
      }
    </QueryState>
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-subtle">
          {canManage
            ? `Each endpoint has its own signing secret. A failed delivery is retried ${MAX_ATTEMPTS - 1} times over about ${Math.round(RETRY_SPAN_MS / 3_600_000)} hours.`
            : "Only owners and admins can add or change endpoints."}
        </p>
        {count > 0 && (
          <div className="flex items-center gap-3">
            {max !== undefined && (
              <span className="text-ui text-subtle tabular-nums" data-testid="endpoint-count">
                {count} of {max} endpoints
              </span>
            )}
            {addButton}
          </div>
        )}
      </div>
      {full && (
        <p id="endpoint-limit" className="text-ui text-subtle">
          This workspace has {max} endpoints, the most it can have. Delete one you no longer use to add another.
        </p>
      )}
      {body}
      <CreateEndpointDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
