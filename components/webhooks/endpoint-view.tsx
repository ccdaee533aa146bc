"use client";

import { useQuery } from "@tanstack/react-query";
import { LoadError } from "@/components/load-error";
import { SettingsSection } from "@/components/settings/settings-section";
import { Card, CardBody } from "@/components/ui/card";
import { DeleteEndpointButton } from "./delete-endpoint-button";
import { DeliveryLog } from "./delivery-log";
import { EndpointDetailsForm } from "./endpoint-details-form";
import { EndpointHeader } from "./endpoint-header";
import { EndpointStateBanner } from "./endpoint-state-banner";
import { endpointQuery } from "./queries";
import { RetryScheduleCard } from "./retry-schedule-card";
import { SigningSecretCard } from "./signing-secret-card";
import { SkippedEventsBanner } from "./skipped-events-banner";
import { TestEventCard } from "./test-event-card";

export interface EndpointViewProps {
  endpointId: string;
  /** May change the endpoint and its secret (endpoints.write). */
  canManage: boolean;
  /** May send test events, resend and replay deliveries (deliveries.write). */
  canDeliver: boolean;
  /** May copy a delivery as a signed cURL command (secrets.read: the command carries a valid signature). */
  canCopyCurl: boolean;
}

/** The endpoint page: state, secret, test, delivery log, then its settings and the retry schedule. */
export function EndpointView({ endpointId, canManage, canDeliver, canCopyCurl }: EndpointViewProps) {
  const { data, error, refetch, isFetching } = useQuery(endpointQuery(endpointId));

  if (!data) {
    return (
      <LoadError
        title="This endpoint could not be loaded"
        message={error?.message ?? "Loading…"}
        onRetry={() => void refetch()}
        retrying={isFetching}
      />
    );
  }

  const { endpoint } = data;
  return (
    <>
      <EndpointHeader endpoint={endpoint} canManage={canManage} />
      <EndpointStateBanner endpoint={endpoint} canManage={canManage} />
      <SkippedEventsBanner endpoint={endpoint} canManage={canDeliver} />
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <SigningSecretCard endpoint={endpoint} canManage={canManage} />
        <TestEventCard endpointId={endpoint.id} canManage={canDeliver} />
      </div>
      <DeliveryLog
        endpointId={endpoint.id}
        canManage={canDeliver}
        canCopyCurl={canCopyCurl}
        enabled={endpoint.enabled}
      />
      <div className="mt-10 divide-y divide-subtle border-t border-subtle pt-8">
        <SettingsSection
          id="endpoint-details"
          title="Endpoint details"
          description="Where events go and which ones. A new URL is checked the same way as when the endpoint was added."
        >
          <EndpointDetailsForm endpoint={endpoint} canManage={canManage} />
        </SettingsSection>
        <SettingsSection
          id="retry-schedule"
          title="Retry schedule"
          description="What the portal does when this endpoint does not answer 2xx: the same for every endpoint."
        >
          <RetryScheduleCard />
        </SettingsSection>
        {canManage && (
          <SettingsSection
            id="delete-endpoint"
            title="Delete endpoint"
            description="Stops all deliveries to this URL and deletes its log."
          >
            <Card>
              <CardBody className="flex flex-wrap items-center justify-between gap-3">
                <p className="text-sm text-subtle">To pause deliveries for a while, turn the endpoint off instead.</p>
                <DeleteEndpointButton endpointId={endpoint.id} url={endpoint.url} />
              </CardBody>
            </Card>
          </SettingsSection>
        )}
      </div>
    </>
  );
}
