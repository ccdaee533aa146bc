"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { InboundWebhookSections } from "@/components/inbound/inbound-webhook-sections";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { connectionQuery } from "./queries";
import { SettingsSection } from "./settings-section";
import { UpstreamConnectionForm } from "./upstream-connection-form";

function CardSkeleton() {
  return (
    <Card aria-busy="true">
      <CardBody className="space-y-5">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-9 w-full" />
        <Skeleton className="h-4 w-20" />
        <Skeleton className="h-9 w-full" />
      </CardBody>
    </Card>
  );
}

/** Settings → Connection: the upstream Jobs API the portal calls, and the webhooks it receives (owners and admins). */
export function ConnectionSettings({ canManage }: { canManage: boolean }) {
  const connection = useQuery(connectionQuery());

  const body = (render: (data: NonNullable<typeof connection.data>) => ReactNode) => {
    if (connection.data) return render(connection.data);
    if (connection.isError) {
      return (
        <Alert tone="danger" title="Could not load the connection" action={<Button size="sm" variant="secondary" onClick={() => connection.refetch()}>Retry</Button>}>
          {connection.error.message}
        </Alert>
      );
    }
    return <CardSkeleton />;
  };

  return (
    <div className="divide-y divide-subtle">
      <SettingsSection
        id="upstream-connection"
        title="Jobs API connection"
        description="Where the portal fetches fresh download links for your jobs. The API key is stored encrypted and never sent back to the browser."
      >
        {body((data) => <UpstreamConnectionForm connection={data} canManage={canManage} />)}
      </SettingsSection>
      <InboundWebhookSections canManage={canManage} />
    </div>
  );
}
