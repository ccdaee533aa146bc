"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardFooter } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Label } from "@/components/ui/label";
import { SecretField } from "@/components/ui/secret-field";
import { VERIFICATION_LABELS } from "@/lib/inbound/describe-profile";
import type { InboundWebhookView } from "@/lib/inbound/types";
import { ConnectSteps } from "./connect-steps";
import { inboundSecretQuery } from "./queries";
import { RotateInboundSecretButton } from "./rotate-inbound-secret-button";

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export interface InboundWebhookCardProps {
  inbound: InboundWebhookView;
  canManage: boolean;
}

const MONO_FIELD =
  "h-9 min-w-0 flex-1 rounded-md border border-subtle bg-muted px-3 font-mono text-ui text-emphasis focus:outline-2 focus:-outline-offset-1 focus:outline-focus";

/** The webhook URL and the secret the Jobs API's Settings need, and how to connect them. */
export function InboundWebhookCard({ inbound, canManage }: InboundWebhookCardProps) {
  const queryClient = useQueryClient();
  const [revealed, setRevealed] = useState(false);
  const secret = useQuery({ ...inboundSecretQuery(), enabled: revealed });
  const byToken = inbound.profile.kind === "url_token";
  const fetchSecret = async () => (await queryClient.fetchQuery(inboundSecretQuery())).secret;
  const tokenUrl = (token: string) => inbound.webhookUrl.replace("{token}", token);

  return (
    <Card>
      <CardBody className="space-y-6">
        <ConnectSteps profile={inbound.profile} />
        <div className="space-y-1.5">
          <div className="flex items-baseline justify-between gap-2">
            <Label htmlFor="inbound-webhook-url">Webhook URL</Label>
            <span className="text-ui text-subtle" data-testid="verification-method">
              Verified by: {VERIFICATION_LABELS[inbound.profile.kind]}
            </span>
          </div>
          {byToken ? (
            canManage ? (
              <SecretField
                label="Webhook URL"
                maskPrefix={inbound.webhookUrl.replace("{token}", "")}
                value={secret.data ? tokenUrl(secret.data.secret) : undefined}
                revealed={revealed}
                onRevealedChange={setRevealed}
                loading={revealed && secret.isPending}
                copyValue={async () => tokenUrl(await fetchSecret())}
              />
            ) : (
              <p className="text-sm text-subtle">The URL holds a secret token: only owners and admins can view it.</p>
            )
          ) : (
            <div className="flex items-center gap-2">
              <input
                id="inbound-webhook-url"
                readOnly
                value={inbound.webhookUrl}
                onFocus={(event) => event.currentTarget.select()}
                className={MONO_FIELD}
              />
              <CopyButton value={inbound.webhookUrl} label="Copy webhook URL" />
            </div>
          )}
        </div>
        {!byToken && (
          <div className="space-y-1.5">
            <p className="text-sm font-medium text-emphasis">Signing secret</p>
            {canManage ? (
              <SecretField
                label="Signing secret"
                maskPrefix={inbound.profile.kind === "standard_webhooks" ? "whsec_" : ""}
                value={secret.data?.secret}
                revealed={revealed}
                onRevealedChange={setRevealed}
                loading={revealed && secret.isPending}
                copyValue={fetchSecret}
              />
            ) : (
              <p className="text-sm text-subtle">Only owners and admins can view the signing secret.</p>
            )}
            <p className="text-ui text-subtle">
              The secret this portal checks signatures with: the one you pasted from the Jobs API below, or one this
              portal generated. It is stored encrypted.
            </p>
          </div>
        )}
        {secret.isError && <Alert tone="danger">{secret.error.message}</Alert>}
        {byToken && (
          <Alert tone="warning" title="What a secret URL does and does not protect">
            It proves only that the sender knows the URL. It does not prove the body is unchanged, and it does not stop
            a captured request from being sent again. Anyone who sees the URL (in the Jobs API&apos;s settings, a
            proxy&apos;s access log, a screenshot) can send events as the Jobs API until you rotate it. Use it only if
            the Jobs API signs nothing, and only over HTTPS.
          </Alert>
        )}
        {inbound.previousSecretExpiresAt && (
          <Alert tone="info" title="Rotation in progress">
            The previous {byToken ? "URL" : "secret"} is still accepted until{" "}
            {formatTime(inbound.previousSecretExpiresAt)}.{" "}
            {byToken
              ? "Paste the new URL into the Jobs API's settings before then."
              : "Make sure the Jobs API signs with the new one before then."}
          </Alert>
        )}
      </CardBody>
      <CardFooter>
        <p className="mr-auto text-ui text-subtle">
          {byToken
            ? "Rotating makes a new URL; the old one still works for 24 hours."
            : "Rotating generates a new secret; the old one still works for 24 hours."}
        </p>
        {canManage && <RotateInboundSecretButton byToken={byToken} />}
      </CardFooter>
    </Card>
  );
}
