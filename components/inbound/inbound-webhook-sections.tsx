"use client";

import { useQuery } from "@tanstack/react-query";
import { QueryState } from "@/components/query-state";
import { SettingsSection } from "@/components/settings/settings-section";
import { Card } from "@/components/ui/card";
import { SkeletonFormCard } from "@/components/ui/skeleton";
import { InboundWebhookCard } from "./inbound-webhook-card";
import { inboundWebhookQuery } from "./queries";
import { RefusedRequests } from "./refused-requests";
import { RequestTester } from "./request-tester";
import { VerificationForm } from "./verification-form";

/** Settings → the Jobs API's webhooks: where they go, how they are verified, what was refused and why, and a tester. */
export function InboundWebhookSections({ canManage }: { canManage: boolean }) {
  const inbound = useQuery(inboundWebhookQuery());
  const errorTitle = "Could not load the inbound webhook";
  return (
    <>
      <SettingsSection
        id="inbound-webhook"
        title="Inbound webhook"
        description="Where the Jobs API sends every job status change. Paste this URL into the Jobs API's Settings; this portal verifies, stores and shows each event."
      >
        <QueryState query={inbound} errorTitle={errorTitle} placeholder={<SkeletonFormCard />}>
          {(loaded) => <InboundWebhookCard inbound={loaded} canManage={canManage} />}
        </QueryState>
      </SettingsSection>
      <SettingsSection
        id="inbound-verification"
        title="Verification"
        description="How this portal knows a request comes from the Jobs API. A request that does not prove it the way chosen here is refused; there is no fallback to another way."
      >
        <QueryState query={inbound} errorTitle={errorTitle} placeholder={<SkeletonFormCard />}>
          {(loaded) => <VerificationForm profile={loaded.profile} canManage={canManage} />}
        </QueryState>
      </SettingsSection>
      <SettingsSection
        id="inbound-refusals"
        title="Refused requests"
        description="The last 50 requests this workspace refused, and why: the headers they carried, the start of the body (presigned links and secrets redacted) and, for a signature mismatch, what was signed. Alike requests within a minute share a row."
      >
        <RefusedRequests />
      </SettingsSection>
      <SettingsSection
        id="inbound-tester"
        title="Test a request"
        description="Paste a request as a proxy, a request bin or curl -v captured it. It is checked with this workspace's verification exactly as the webhook URL would check it, and nothing is stored."
      >
        {canManage ? (
          <RequestTester />
        ) : (
          <Card className="px-4 py-4 text-sm text-subtle">
            Only owners and admins can test requests: the test uses the secret.
          </Card>
        )}
      </SettingsSection>
    </>
  );
}
