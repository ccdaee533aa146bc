"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardFooter } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Label } from "@/components/ui/label";
import { SecretField } from "@/components/ui/secret-field";
import type { ConnectionView } from "@/lib/workspaces/get-connection";
import { inboundSecretQuery } from "./api";
import { RotateInboundSecretButton } from "./rotate-inbound-secret-button";
import { useInboundSecret } from "./use-inbound-secret";

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export interface InboundWebhookCardProps {
  connection: ConnectionView;
  canManage: boolean;
}

export function InboundWebhookCard({ connection, canManage }: InboundWebhookCardProps) {
  const queryClient = useQueryClient();
  const [revealed, setRevealed] = useState(false);
  const secret = useInboundSecret(revealed);

  return (
    <Card>
      <CardBody className="space-y-5">
        <div className="space-y-1.5">
          <Label htmlFor="inbound-webhook-url">Endpoint URL</Label>
          <div className="flex items-center gap-2">
            <input
              id="inbound-webhook-url"
              readOnly
              value={connection.inboundWebhookUrl}
              onFocus={(event) => event.currentTarget.select()}
              className="h-9 min-w-0 flex-1 rounded-md border border-zinc-200 bg-zinc-50 px-3 font-mono text-[13px] text-zinc-900 focus:outline-2 focus:outline-brand-500/40 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100"
            />
            <CopyButton value={connection.inboundWebhookUrl} label="Copy endpoint URL" />
          </div>
        </div>
        <div className="space-y-1.5">
          <p className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Signing secret</p>
          {canManage ? (
            <SecretField
              label="Signing secret"
              maskPrefix="whsec_"
              value={secret.data?.secret}
              revealed={revealed}
              onRevealedChange={setRevealed}
              loading={revealed && secret.isPending}
              copyValue={async () => (await queryClient.fetchQuery(inboundSecretQuery())).secret}
            />
          ) : (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">Only owners and admins can view the signing secret.</p>
          )}
          {secret.isError && <Alert tone="danger">{secret.error.message}</Alert>}
          <p className="text-[13px] text-zinc-500 dark:text-zinc-400">
            Events must carry a Standard Webhooks signature made with this secret; unsigned or stale ones are refused.
          </p>
        </div>
        {connection.previousInboundSecretExpiresAt && (
          <Alert tone="info" title="Rotation in progress">
            The previous secret is still accepted until {formatTime(connection.previousInboundSecretExpiresAt)}. Paste
            the new secret into the Jobs API&apos;s webhook settings before then.
          </Alert>
        )}
      </CardBody>
      <CardFooter>
        <p className="mr-auto text-[13px] text-zinc-500 dark:text-zinc-400">After a rotation the old secret still works for 24 hours.</p>
        {canManage && <RotateInboundSecretButton />}
      </CardFooter>
    </Card>
  );
}
