"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { QueryState } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RefreshIcon, WebhookIcon } from "@/components/ui/icons";
import { SkeletonRows } from "@/components/ui/skeleton";
import { DeliveriesTable } from "./deliveries-table";
import { DeliveryDialog } from "./delivery-dialog";
import { endpointDeliveriesQuery } from "./queries";
import { ReplayFailedDialog } from "./replay-failed-dialog";

/** The endpoint's delivery log: newest first, live while deliveries are in flight, with resend and replay. */
export function DeliveryLog({
  endpointId,
  canManage,
  canCopyCurl,
  enabled,
}: {
  endpointId: string;
  canManage: boolean;
  canCopyCurl: boolean;
  enabled: boolean;
}) {
  const log = useInfiniteQuery(endpointDeliveriesQuery(endpointId));
  const [selected, setSelected] = useState<string | null>(null);
  const [replaying, setReplaying] = useState(false);
  const deliveries = log.data?.pages.flatMap((page) => page.deliveries) ?? [];

  const body = (
    <QueryState
      query={log}
      errorTitle="Could not load the delivery log"
      errorClassName="m-6"
      placeholder={<SkeletonRows count={3} rowClassName="h-9" className="p-6" />}
    >
      {() =>
        deliveries.length === 0 ? (
          <EmptyState
            className="m-6"
            icon={<WebhookIcon className="size-5" />}
            title="No deliveries yet"
            description="Each job event this endpoint listens to shows up here as it is sent, with every attempt and your server's answer."
          />
        ) : (
          <div className="[&>div]:rounded-none [&>div]:border-x-0 [&>div]:border-b-0 [&>div]:shadow-none">
            <DeliveriesTable deliveries={deliveries} subject="job" onSelect={setSelected} />
          </div>
        )
      }
    </QueryState>
  );

  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-center justify-between gap-3 py-4">
        <div className="space-y-1">
          <CardTitle>Delivery log</CardTitle>
          <CardDescription>
            Every event sent to this endpoint, newest first. Select one to see each attempt and resend it.
          </CardDescription>
        </div>
        {canManage && (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => setReplaying(true)}
            disabled={!enabled}
            title={enabled ? undefined : "Enable the endpoint first"}
          >
            <RefreshIcon />
            Replay failed…
          </Button>
        )}
      </CardHeader>
      {body}
      {log.hasNextPage && (
        <div className="flex justify-center border-t border-subtle px-6 py-3">
          <Button variant="ghost" size="sm" onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
            Load older deliveries
          </Button>
        </div>
      )}
      <DeliveryDialog
        deliveryId={selected}
        canManage={canManage}
        canCopyCurl={canCopyCurl}
        onClose={() => setSelected(null)}
      />
      <ReplayFailedDialog endpointId={endpointId} open={replaying} onClose={() => setReplaying(false)} />
    </Card>
  );
}
