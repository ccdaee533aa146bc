"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { formatExact } from "@/components/jobs/format";
import { jobHref } from "@/components/jobs/job-columns";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import type { DeliveryDetail } from "@/lib/delivery/get-delivery-detail";
import { AttemptList } from "./attempt-list";
import { DeliveryStatusChip } from "./delivery-status-chip";
import { useDelivery } from "./use-delivery";
import { useResendDelivery } from "./use-resend-delivery";

export interface DeliveryDialogProps {
  deliveryId: string | null;
  canManage: boolean;
  onClose: () => void;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 text-zinc-800 dark:text-zinc-200">{children}</dd>
    </>
  );
}

function DeliveryBody({ detail }: { detail: DeliveryDetail }) {
  const { delivery } = detail;
  return (
    <div className="max-h-[60vh] space-y-5 overflow-y-auto pb-1">
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-6 gap-y-2 text-[13px]">
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
          <Link href={jobHref(delivery.job.id)} className="font-mono text-brand-600 hover:underline dark:text-brand-300">
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
        <h3 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Attempts</h3>
        <AttemptList attempts={detail.attempts} />
      </section>
      <details className="group">
        <summary className="cursor-pointer text-sm font-semibold text-zinc-900 dark:text-zinc-100">Event payload</summary>
        <p className="mt-1 text-[13px] text-zinc-500 dark:text-zinc-400">As stored: presigned output links are shown without their signatures.</p>
        <pre className="mt-2 max-h-64 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-[12px] leading-relaxed text-zinc-800 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-200">
          {JSON.stringify(detail.payload, null, 2)}
        </pre>
      </details>
    </div>
  );
}

/** One delivery with every attempt, and Resend: same webhook-id, so receivers can dedupe. */
export function DeliveryDialog({ deliveryId, canManage, onClose }: DeliveryDialogProps) {
  const delivery = useDelivery(deliveryId);
  const resend = useResendDelivery();
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
      <div className="space-y-4">
        {detail ? (
          <DeliveryBody detail={detail} />
        ) : delivery.isError ? (
          <Alert tone="danger">{delivery.error.message}</Alert>
        ) : (
          <div aria-busy="true" className="space-y-2">
            <Skeleton className="h-5 w-2/3" />
            <Skeleton className="h-24 w-full" />
          </div>
        )}
        {resend.isSuccess && <Alert tone="success">Queued again with the same webhook-id. It goes out within seconds.</Alert>}
        {resend.isError && <Alert tone="danger">{resend.error.message}</Alert>}
      </div>
    </Dialog>
  );
}
