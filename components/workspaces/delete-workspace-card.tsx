"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { serverFieldErrors } from "@/components/field-errors";
import { routes } from "@/components/routes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { deleteWorkspaceMutation } from "./mutations";

/** Deleting the workspace (its owner): typing its name confirms, so a slip of the mouse deletes nothing. */
export function DeleteWorkspaceCard({ name }: { name: string }) {
  const remove = useMutation(deleteWorkspaceMutation());
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const formId = useId();

  function close() {
    remove.reset();
    setTyped("");
    setOpen(false);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A full load: /jobs opens another workspace of yours, or offers to create one.
    remove.mutate({ confirmName: typed }, { onSuccess: () => window.location.assign(routes.jobs) });
  }

  const fieldError = serverFieldErrors<"confirmName">(remove.error, { fields: ["confirmName"] })?.confirmName;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-danger px-5 py-4">
      <p className="max-w-prose text-sm text-subtle">
        Deleting {name} removes its jobs, events, deliveries, endpoints, API keys, members and audit log for good.
      </p>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete workspace
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={`Delete ${name}?`}
        description="This cannot be undone. Members lose access at once and API keys stop working."
        footer={
          <>
            <Button variant="secondary" onClick={close} disabled={remove.isPending}>
              Cancel
            </Button>
            <Button
              type="submit"
              form={formId}
              variant="danger"
              loading={remove.isPending}
              disabled={typed.trim() !== name}
            >
              Delete workspace
            </Button>
          </>
        }
      >
        <form id={formId} onSubmit={handleSubmit} noValidate className="space-y-4">
          <TextField
            label={`Type ${name} to confirm`}
            name="confirmName"
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            error={fieldError}
            autoFocus
          />
          {remove.isError && !fieldError && <Alert tone="danger">{remove.error.message}</Alert>}
        </form>
      </Dialog>
    </div>
  );
}
