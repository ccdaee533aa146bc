"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { formatExact } from "@/components/ui/format";
import { SecretField } from "@/components/ui/secret-field";
import type { WebhookEndpointView } from "@/lib/webhook-endpoints/types";
import { endpointSecretQuery } from "./queries";
import { RotateEndpointSecretButton } from "./rotate-endpoint-secret-button";

export function SigningSecretCard({ endpoint, canManage }: { endpoint: WebhookEndpointView; canManage: boolean }) {
  const queryClient = useQueryClient();
  const [revealed, setRevealed] = useState(false);
  const secret = useQuery({ ...endpointSecretQuery(endpoint.id), enabled: revealed });

  return (
    <Card className="flex flex-col">
      <CardHeader className="py-4">
        <CardTitle>Signing secret</CardTitle>
        <CardDescription>Your server verifies each delivery&apos;s webhook-signature header with it.</CardDescription>
      </CardHeader>
      <CardBody className="flex-1 space-y-4">
        {canManage ? (
          <SecretField
            label="Signing secret"
            maskPrefix="whsec_"
            value={secret.data?.secret}
            revealed={revealed}
            onRevealedChange={setRevealed}
            loading={revealed && secret.isPending}
            copyValue={async () => (await queryClient.fetchQuery(endpointSecretQuery(endpoint.id))).secret}
          />
        ) : (
          <p className="text-sm text-subtle">Only owners and admins can view the signing secret.</p>
        )}
        {secret.isError && <Alert tone="danger">{secret.error.message}</Alert>}
        {endpoint.previousSecretExpiresAt && (
          <Alert tone="info" title="Rotation in progress">
            Deliveries are signed with both the new and the previous secret until{" "}
            {formatExact(endpoint.previousSecretExpiresAt)}. Update your server before then.
          </Alert>
        )}
      </CardBody>
      <CardFooter>
        <p className="mr-auto text-ui text-subtle">After a rotation the old secret keeps signing for 24 hours.</p>
        {canManage && <RotateEndpointSecretButton endpointId={endpoint.id} />}
      </CardFooter>
    </Card>
  );
}
