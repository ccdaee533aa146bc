"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { Alert } from "@/components/ui/alert";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { DeliveriesTable } from "./deliveries-table";
import { DeliveryDialog } from "./delivery-dialog";
import { jobDeliveriesQuery } from "./queries";

/**
 * For the job page: what the portal re-delivered about this job to the workspace's own endpoints.
 * `jobId` is the upstream's id, as in the job page's URL.
 */
export function JobDeliveries({ jobId, canManage }: { jobId: string; canManage: boolean }) {
  const routes = useWorkspaceRoutes();
  const deliveries = useQuery(jobDeliveriesQuery(jobId));
  const [selected, setSelected] = useState<string | null>(null);
  const list = deliveries.data?.deliveries;

  return (
    <Card>
      <CardHeader className="py-4">
        <CardTitle>Webhook deliveries</CardTitle>
        <CardDescription>
          This job&apos;s events as sent to your endpoints (
          <Link href={routes.webhooks} className="link">
            Settings → Webhooks
          </Link>
          ). Select one to see each attempt.
        </CardDescription>
      </CardHeader>
      {list && list.length > 0 ? (
        <div className="[&>div]:rounded-none [&>div]:border-x-0 [&>div]:border-b-0 [&>div]:shadow-none">
          <DeliveriesTable deliveries={list} subject="endpoint" onSelect={setSelected} />
        </div>
      ) : (
        <div className="px-6 pb-5">
          {list ? (
            <p className="text-sm text-subtle">No deliveries: no endpoint was listening to this job&apos;s events.</p>
          ) : deliveries.isError ? (
            <Alert tone="danger">{deliveries.error.message}</Alert>
          ) : (
            <Skeleton className="h-9 w-full" />
          )}
        </div>
      )}
      <DeliveryDialog deliveryId={selected} canManage={canManage} onClose={() => setSelected(null)} />
    </Card>
  );
}
