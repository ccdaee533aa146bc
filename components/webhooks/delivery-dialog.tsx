"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { type ReactNode, useState } from "react";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { Alert, LiveAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { formatExact } from "@/components/ui/format";
import { Skeleton } from "@/components/ui/skeleton";
import type { DeliveryDetail } from "@/lib/delivery/types";
import { AttemptDebugDialog } from "./attempt-debug-dialog";
import { AttemptList } from "./attempt-list";
import { DeliveryStatusChip } from "./delivery-status-chip";
import { resendDeliveryMutation } from "./mutations";
import { deliveryQuery } from "./queries";

export interface DeliveryDialogProps {
  deliveryId: string | null;
  canManage: boolean;
  /** Offer Copy as cURL in an attempt's debugger (signed with the endpoint's secret). */
  canCopyCurl?: boolean;
  onClose: () => void;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-subtle">{label}</dt>
      <dd className="min-w-0 text-emphasis">{children}</dd>
    </>
  );
}

function DeliveryBody({ detail, onInspect }: { detail: DeliveryDetail; onInspect: (attemptId: string) => void }) {
  const routes = useWorkspaceRoutes();
  const { delivery } = detail;
  return (
    <div className="max-h-[60vh] space-y-5 overflow-y-auto pb-1">
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-6 gap-y-2 text-ui">
        <Fact label="Status">
          <DeliveryStatusChip delivery={delivery} />
        </Fact>
        <Fact label="webhook-id">
          <span className="inline-flex items-center gap-1 font-mono break-all">
            {delivery.messageId}
            <CopyButton value={delivery.messageId} label="Copy webhook-id" variant="ghost" className="size-7" />
          </span>
        </Fact>
        <Fact label="Job">
          <Link href={routes.job(delivery.job.id)} className="font-mono text-brand hover:underline">
            {delivery.job.id}
          </Link>
        </Fact>
        <Fact label="Endpoint">
          <span className="font-mono break-all">{delivery.endpointUrl}</span>
        </Fact>
        <Fact label="Enqueued">{formatExact(delivery.createdAt)}</Fact>
        {delivery.nextAttemptAt && <Fact label="Next attempt">{formatExact(delivery.nextAttemptAt)}</Fact>}
        {delivery.status === "failed" && delivery.lastError && (
          <Fact label="Why it stopped">
            <span data-testid="delivery-last-error">{delivery.lastError}</span>
          </Fact>
        )}
      </dl>
      <section aria-label="Attempts" className="space-y-2">
        <h3 className="text-sm font-semibold text-emphasis">Attempts</h3>
        <AttemptList attempts={detail.attempts} onInspect={onInspect} />
      </section>
      <details className="group">
        <summary className="cursor-pointer text-sm font-semibold text-emphasis">Event payload</summary>
        <p className="mt-1 text-ui text-subtle">
          As stored: presigned output links are shown without their signatures.
        </p>
        <CodeBlock className="mt-2 max-h-64 overflow-auto rounded-md border border-subtle bg-muted p-3 font-mono text-caption leading-relaxed text-emphasis">
          {JSON.stringify(detail.payload, null, 2)}
        </CodeBlock>
      </details>
    </div>
  );
}

/** One delivery with every attempt, and Resend: same webhook-id, so receivers can dedupe. */
export function DeliveryDialog({ deliveryId, canManage, canCopyCurl = false, onClose }: DeliveryDialogProps) {
  const [inspecting, setInspecting] = useState<string | null>(null);
  const delivery = useQuery({ ...deliveryQuery(deliveryId ?? ""), enabled: deliveryId !== null });
  const resend = useMutation(resendDeliveryMutation());
  const detail = delivery.data;
  const inFlight = detail?.delivery.status === "delivering";

  function close() {
    resend.reset();
    onClose();
  }

  return (
    <Dialog
      open={deliveryId !== null}
      onClose={close}
      title={detail ? `${detail.delivery.eventType} delivery` : "Delivery"}
      className="max-w-2xl"
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            Close
          </Button>
          {canManage && detail && (
            <Button onClick={() => resend.mutate(detail.delivery.id)} loading={resend.isPending} disabled={inFlight}>
              Resend
            </Button>
          )}
        </>
      }
    >
      <div className="flex flex-col gap-4">
        {detail ? (
          <DeliveryBody detail={detail} onInspect={setInspecting} />
        ) : delivery.isError ? (
          <Alert tone="danger">{delivery.error.message}</Alert>
        ) : (
          <div aria-busy="true" className="space-y-2">
            <Skeleton className="h-5 w-2/3" />
            <Skeleton className="h-24 w-full" />
          </div>
        )}
        <LiveAlert tone="success">
          {resend.isSuccess && "Queued again with the same webhook-id. It goes out within seconds."}
        </LiveAlert>
        {resend.isError && <Alert tone="danger">{resend.error.message}</Alert>}
      </div>
      {/* Opens over this one (native dialogs stack); closing it comes back here. */}
      <AttemptDebugDialog
        target={deliveryId && inspecting ? { deliveryId, attemptId: inspecting } : null}
        canResend={canManage}
        canCopyCurl={canCopyCurl}
        onClose={() => setInspecting(null)}
      />
    </Dialog>
  );
}
