"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RefreshIcon } from "@/components/ui/icons";

/** The rotation a caller's mutation hook performs: inbound secret or an endpoint's signing secret. */
export interface SecretRotation {
  mutate: (variables: undefined, options: { onSuccess: () => void }) => void;
  reset: () => void;
  isPending: boolean;
  isError: boolean;
  error: Error | null;
}

/** "Rotate secret" with a confirm that explains the 24-hour overlap in the caller's words. */
export function RotateSecretButton({ rotation, explanation }: { rotation: SecretRotation; explanation: ReactNode }) {
  const [confirming, setConfirming] = useState(false);

  function close() {
    setConfirming(false);
    rotation.reset();
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
        description={<div className="space-y-2">{explanation}</div>}
        confirmLabel="Rotate secret"
        tone="danger"
        loading={rotation.isPending}
        error={rotation.isError ? (rotation.error?.message ?? "Rotation failed") : null}
        onCancel={close}
        onConfirm={() => rotation.mutate(undefined, { onSuccess: () => setConfirming(false) })}
      />
    </>
  );
}
