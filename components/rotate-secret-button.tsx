"use client";

import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RefreshIcon } from "@/components/ui/icons";

/** The rotation mutation (what useMutation returns): of the inbound secret, or of an endpoint's signing secret. */
export interface SecretRotation {
  mutate: (variables: undefined, options: { onSuccess: () => void }) => void;
  reset: () => void;
  isPending: boolean;
  isError: boolean;
  error: Error | null;
}

export interface RotateSecretButtonProps {
  rotation: SecretRotation;
  explanation: ReactNode;
  /** The dialog's title; default "Rotate the signing secret?". */
  title?: string;
  /** The button's and the confirm's label; default "Rotate secret". */
  label?: string;
}

/** "Rotate secret" with a confirm that explains the 24-hour overlap in the caller's words. */
export function RotateSecretButton({
  rotation,
  explanation,
  title = "Rotate the signing secret?",
  label = "Rotate secret",
}: RotateSecretButtonProps) {
  const [confirming, setConfirming] = useState(false);

  function close() {
    setConfirming(false);
    rotation.reset();
  }

  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setConfirming(true)}>
        <RefreshIcon />
        {label}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={title}
        description={<div className="space-y-2">{explanation}</div>}
        confirmLabel={label}
        tone="danger"
        loading={rotation.isPending}
        error={rotation.isError ? (rotation.error?.message ?? "Rotation failed") : null}
        onCancel={close}
        onConfirm={() => rotation.mutate(undefined, { onSuccess: () => setConfirming(false) })}
      />
    </>
  );
}
