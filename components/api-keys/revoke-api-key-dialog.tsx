"use client";

import { useMutation } from "@tanstack/react-query";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ApiKeySummary } from "@/lib/api-keys/types";
import { revokeApiKeyMutation } from "./mutations";

export interface RevokeApiKeyDialogProps {
  apiKey: ApiKeySummary | null;
  onClose: () => void;
}

export function RevokeApiKeyDialog({ apiKey, onClose }: RevokeApiKeyDialogProps) {
  const revoke = useMutation(revokeApiKeyMutation());

  function close() {
    revoke.reset();
    onClose();
  }

  return (
    <ConfirmDialog
      open={apiKey !== null}
      title="Revoke this API key?"
      description={
        <>
          Requests with <strong className="font-medium text-emphasis">{apiKey?.name}</strong> (
          <code className="font-mono text-ui">{apiKey?.prefix}…</code>) will be refused from now on. This cannot be
          undone.
        </>
      }
      confirmLabel="Revoke key"
      tone="danger"
      loading={revoke.isPending}
      error={revoke.error?.message ?? null}
      onCancel={close}
      onConfirm={() => apiKey && revoke.mutate(apiKey.id, { onSuccess: close })}
    />
  );
}
