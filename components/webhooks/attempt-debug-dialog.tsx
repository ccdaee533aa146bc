"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { copyToClipboard } from "@/components/ui/copy-to-clipboard";
import { Dialog } from "@/components/ui/dialog";
import { formatExact } from "@/components/ui/format";
import { CodeIcon } from "@/components/ui/icons";
import { LiveRegion } from "@/components/ui/live-region";
import { Skeleton } from "@/components/ui/skeleton";
import type { AttemptDebugView } from "@/lib/delivery/types";
import { DeliveryStatusChip } from "./delivery-status-chip";
import { RequestSection, ResponseSection } from "./exchange-sections";
import { formatLatency } from "./format-delivery";
import { replayCurlMutation, resendDeliveryMutation } from "./mutations";
import { attemptDebugQuery } from "./queries";
import { StatusCodeBadge } from "./status-code-badge";

interface Props {
  /** The attempt open in the debugger; none: closed. */
  target: { deliveryId: string; attemptId: string } | null;
  canResend: boolean;
  /** Copy as cURL is signed with the endpoint's secret: only for those who may see it. */
  canCopyCurl: boolean;
  onClose: () => void;
}

function Summary({ view }: { view: AttemptDebugView }) {
  const { attempt, delivery } = view;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5 text-ui">
      <StatusCodeBadge statusCode={attempt.statusCode} />
      <span className="text-default tabular-nums">{formatLatency(attempt.durationMs)}</span>
      <time dateTime={attempt.startedAt} className="text-subtle">
        {formatExact(attempt.startedAt)}
      </time>
      <span className="ml-auto">
        <DeliveryStatusChip delivery={delivery} />
      </span>
      {attempt.nextRetryAt && (
        <p className="w-full text-subtle">Next attempt scheduled for {formatExact(attempt.nextRetryAt)}.</p>
      )}
    </div>
  );
}

/**
 * The delivery debugger: one attempt's request exactly as sent, the string that was signed, the
 * answer — and Copy as cURL, re-signed by the server now, since the attempt's own signature fails
 * any receiver's 5-minute tolerance.
 */
export function AttemptDebugDialog({ target, canResend, canCopyCurl, onClose }: Props) {
  const attemptId = target?.attemptId ?? null;
  const view = useQuery({
    ...attemptDebugQuery(target?.deliveryId ?? "", attemptId ?? ""),
    enabled: attemptId !== null,
  });
  const curl = useMutation(replayCurlMutation());
  const resend = useMutation(resendDeliveryMutation());

  function close() {
    curl.reset();
    resend.reset();
    onClose();
  }

  const data = view.data;
  const deliveryId = target?.deliveryId ?? "";
  return (
    <Dialog
      open={attemptId !== null}
      onClose={close}
      title={data ? `${data.delivery.eventType} · attempt ${data.attempt.attemptNumber}` : "Attempt"}
      description={data && <span className="font-mono break-all">{data.delivery.endpointUrl}</span>}
      className="max-w-3xl"
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            Close
          </Button>
          {canCopyCurl && data && (
            <Button
              variant="secondary"
              loading={curl.isPending}
              onClick={() =>
                curl.mutate(deliveryId, {
                  onSuccess: ({ command }) => void copyToClipboard(command).catch(() => undefined),
                })
              }
            >
              {!curl.isPending && <CodeIcon />}
              Copy as cURL
            </Button>
          )}
          {canResend && data && (
            <Button
              onClick={() => resend.mutate(deliveryId)}
              loading={resend.isPending}
              disabled={data.delivery.status === "delivering"}
            >
              Resend
            </Button>
          )}
        </>
      }
    >
      <div className="max-h-[65vh] space-y-5 overflow-y-auto pb-1" data-testid="attempt-debugger">
        {data ? (
          <>
            <Summary view={data} />
            <RequestSection request={data.request} />
            <ResponseSection attempt={data.attempt} headers={data.responseHeaders} />
            <LiveRegion className="text-ui text-default">
              {curl.data && (
                <>
                  Copied to the clipboard, and below. Signed at {formatExact(curl.data.signedAt)}: your endpoint accepts
                  it for 5 minutes.
                </>
              )}
            </LiveRegion>
            {curl.data && (
              <section aria-label="cURL command" className="space-y-2">
                <CodeBlock
                  data-testid="curl-command"
                  className="max-h-48 overflow-auto rounded-md border border-subtle bg-muted p-3 font-mono text-caption break-all whitespace-pre-wrap text-emphasis"
                >
                  {curl.data.command}
                </CodeBlock>
              </section>
            )}
          </>
        ) : view.isError ? (
          <Alert tone="danger">{view.error.message}</Alert>
        ) : (
          <div aria-busy="true" className="space-y-2">
            <Skeleton className="h-5 w-2/3" />
            <Skeleton className="h-32 w-full" />
          </div>
        )}
        {curl.isError && <Alert tone="danger">{curl.error.message}</Alert>}
        {resend.isSuccess && (
          <Alert tone="success">Queued again with the same webhook-id. It goes out within seconds.</Alert>
        )}
        {resend.isError && <Alert tone="danger">{resend.error.message}</Alert>}
      </div>
    </Dialog>
  );
}
