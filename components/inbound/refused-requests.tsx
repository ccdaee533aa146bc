"use client";

import { useQuery } from "@tanstack/react-query";
import { LoadError } from "@/components/load-error";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { REFUSAL_HINTS, REFUSAL_LABELS } from "@/lib/inbound/describe-profile";
import type { RefusalView } from "@/lib/inbound/types";
import { refusalsQuery } from "./queries";
import { SignatureDiagnosticsView } from "./signature-diagnostics-view";

const label = "text-caption font-medium tracking-wide text-subtle uppercase";

function RefusalRow({ refusal }: { refusal: RefusalView }) {
  return (
    <li data-testid="refusal-row">
      <details className="group">
        <summary className="flex cursor-pointer list-none items-center gap-3 px-4 py-3 select-none hover:bg-subtle/60 [&::-webkit-details-marker]:hidden">
          <Badge tone={refusal.httpStatus === 401 ? "danger" : "warning"}>{REFUSAL_LABELS[refusal.reason]}</Badge>
          <span className="min-w-0 flex-1 truncate text-sm text-default">{refusal.message}</span>
          {refusal.count > 1 && (
            <span
              className="shrink-0 text-ui text-subtle tabular-nums"
              title="Alike requests within a minute share a row"
            >
              ×{refusal.count}
            </span>
          )}
          <RelativeTime iso={refusal.lastSeenAt} className="shrink-0 text-ui text-subtle" />
          <span aria-hidden="true" className="text-muted transition-transform group-open:rotate-90">
            ›
          </span>
        </summary>
        <div className="space-y-4 border-t border-muted bg-muted/40 px-4 py-4">
          <p className="text-sm text-subtle">{REFUSAL_HINTS[refusal.reason]}</p>
          <p className="text-ui text-subtle">
            Answered HTTP {refusal.httpStatus}
            {refusal.count > 1 && (
              <>
                {" · "}
                {refusal.count} times since <RelativeTime iso={refusal.firstSeenAt} />
              </>
            )}
          </p>
          <div className="space-y-1.5">
            <p className={label}>Headers present</p>
            <ul className="flex flex-wrap gap-1.5" aria-label="Headers present">
              {refusal.headerNames.map((name) => (
                <li key={name} className="rounded bg-subtle px-1.5 py-0.5 font-mono text-caption text-default">
                  {name}
                </li>
              ))}
            </ul>
          </div>
          {refusal.signature && <SignatureDiagnosticsView signature={refusal.signature} redacted />}
          <div className="space-y-1">
            <p className={label}>Body (first KiB, redacted)</p>
            <CodeBlock className="max-h-48 overflow-auto rounded-md border border-subtle bg-default p-2.5 font-mono text-caption leading-relaxed break-all whitespace-pre-wrap text-emphasis">
              {refusal.bodyExcerpt || "(empty)"}
            </CodeBlock>
          </div>
        </div>
      </details>
    </li>
  );
}

/** The last 50 refused requests, newest first, each explaining itself. Refreshes itself every 10 seconds. */
export function RefusedRequests() {
  const refusals = useQuery(refusalsQuery());
  if (refusals.isError) {
    return (
      <LoadError
        title="Could not load the refused requests"
        message={refusals.error.message}
        onRetry={() => refusals.refetch()}
        retrying={refusals.isFetching}
      />
    );
  }
  if (!refusals.data) {
    return (
      <Card aria-busy="true" className="space-y-3 p-4">
        <Skeleton className="h-5 w-2/3" />
        <Skeleton className="h-5 w-1/2" />
      </Card>
    );
  }
  if (refusals.data.data.length === 0) {
    return (
      <Card className="px-4 py-6 text-center" data-testid="refusals-empty">
        <p className="text-sm font-medium text-emphasis">No refused requests</p>
        <p className="mt-1 text-ui text-subtle">
          Every request that reached this workspace was accepted, or none has arrived yet.
        </p>
      </Card>
    );
  }
  return (
    <Card className="overflow-hidden">
      <ul className="divide-y divide-muted" aria-label="Refused requests">
        {refusals.data.data.map((refusal) => (
          <RefusalRow key={refusal.id} refusal={refusal} />
        ))}
      </ul>
    </Card>
  );
}
