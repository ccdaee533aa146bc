"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RefreshIcon } from "@/components/ui/icons";
import { useRotateInboundSecret } from "./use-rotate-inbound-secret";

export function RotateSecretButton() {
  const [confirming, setConfirming] = useState(false);
  const rotate = useRotateInboundSecret();

  function close() {
    setConfirming(false);
    rotate.reset();
  }

  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setConfirming(true)}>
        <RefreshIcon />
        Rotate secret
      </Button>
      <ConfirmDialog
        open={confirming}
        title="Rotate the signing secret?"
        description={
          <div className="space-y-2">
            <p>A new secret takes effect immediately.</p>
            <p>
              The current secret keeps verifying events for <strong className="font-medium text-zinc-900 dark:text-zinc-100">24 hours</strong>,
              so you have a day to paste the new one into the Jobs API&apos;s webhook settings. Rotating again
              before then ends that grace period early.
            </p>
          </div>
        }
        confirmLabel="Rotate secret"
        tone="danger"
        loading={rotate.isPending}
        error={rotate.isError ? rotate.error.message : null}
        onCancel={close}
        onConfirm={() => rotate.mutate(undefined, { onSuccess: () => setConfirming(false) })}
      />
    </>
  );
}
