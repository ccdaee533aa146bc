"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RefreshIcon } from "@/components/ui/icons";
import { useRotateEndpointSecret } from "./use-rotate-endpoint-secret";

export function RotateEndpointSecretButton({ endpointId }: { endpointId: string }) {
  const [confirming, setConfirming] = useState(false);
  const rotate = useRotateEndpointSecret(endpointId);

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
            <p>A new secret is generated and signs every delivery from now on.</p>
            <p>
              For the next <strong className="font-medium text-zinc-900 dark:text-zinc-100">24 hours</strong> each delivery also carries a
              signature made with the current secret, so your server keeps accepting events while you deploy the new one. Rotating again
              before then ends that overlap early.
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
