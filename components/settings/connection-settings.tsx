"use client";

import { useQuery } from "@tanstack/react-query";
import { InboundWebhookSections } from "@/components/inbound/inbound-webhook-sections";
import { QueryState } from "@/components/query-state";
import { SkeletonFormCard } from "@/components/ui/skeleton";
import { connectionQuery } from "./queries";
import { SettingsSection } from "./settings-section";
import { UpstreamConnectionForm } from "./upstream-connection-form";

/** Settings → Connection: the upstream Jobs API the portal calls, and the webhooks it receives (owners and admins). */
export function ConnectionSettings({ canManage }: { canManage: boolean }) {
  const connection = useQuery(connectionQuery());

  return (
    <div className="divide-y divide-subtle">
      <SettingsSection
        id="upstream-connection"
        title="Jobs API connection"
        description="Where the portal fetches fresh download links for your jobs. The API key is stored encrypted and never sent back to the browser."
      >
        <QueryState query={connection} errorTitle="Could not load the connection" placeholder={<SkeletonFormCard />}>
          {(data) => <UpstreamConnectionForm connection={data} canManage={canManage} />}
        </QueryState>
      </SettingsSection>
      <InboundWebhookSections canManage={canManage} />
    </div>
  );
}
