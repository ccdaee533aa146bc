"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deleteEndpointMutation } from "./mutations";

export function DeleteEndpointButton({ endpointId, url }: { endpointId: string; url: string }) {
  const router = useRouter();
  const routes = useWorkspaceRoutes();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(deleteEndpointMutation());

  function close() {
    setConfirming(false);
    remove.reset();
  }

  return (
    <>
      <Button variant="danger" size="sm" onClick={() => setConfirming(true)}>
        Delete endpoint
      </Button>
      <ConfirmDialog
        open={confirming}
        title="Delete this endpoint?"
        description={
          <>
            <code className="font-mono text-ui break-all text-emphasis">{url}</code> stops receiving events at once, and
            its delivery log is deleted with it. This cannot be undone; to pause deliveries, disable the endpoint
            instead.
          </>
        }
        confirmLabel="Delete endpoint"
        tone="danger"
        loading={remove.isPending}
        error={remove.error?.message ?? null}
        onCancel={close}
        onConfirm={() => remove.mutate(endpointId, { onSuccess: () => router.push(routes.webhooks) })}
      />
    </>
  );
}
