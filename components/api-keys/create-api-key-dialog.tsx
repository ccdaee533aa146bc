"use client";

import { useMutation } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, FormDialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { useSchemaForm } from "@/components/use-schema-form";
import { createApiKeySchema } from "@/lib/api-keys/schemas";
import { createApiKeyMutation } from "./mutations";

export interface CreateApiKeyDialogProps {
  open: boolean;
  onClose: () => void;
}

/** Names a new key, then shows it once: only its hash is kept, so closing forgets it for good. */
export function CreateApiKeyDialog({ open, onClose }: CreateApiKeyDialogProps) {
  const create = useMutation(createApiKeyMutation());
  const readForm = (form: HTMLFormElement) => ({ name: new FormData(form).get("name") });
  const { fieldErrors, handleSubmit, clearFieldErrors } = useSchemaForm(createApiKeySchema, readForm, (input) =>
    create.mutate(input),
  );

  function close() {
    create.reset();
    clearFieldErrors();
    onClose();
  }

  if (create.data) {
    const { key, apiKey } = create.data;
    return (
      <Dialog
        open={open}
        onClose={close}
        title="Copy your new API key"
        description={`"${apiKey.name}" can call this workspace's /v1 API. Store it somewhere safe now.`}
        footer={<Button onClick={close}>Done</Button>}
        className="max-w-lg"
      >
        <div className="space-y-4">
          <div className="flex items-center gap-2">
            <output
              aria-label="New API key"
              data-testid="new-api-key"
              className="flex min-h-9 min-w-0 flex-1 items-center rounded-md border border-subtle bg-muted px-3 py-1.5 font-mono text-ui break-all text-emphasis"
            >
              {key}
            </output>
            <CopyButton value={key} label="Copy API key" showText />
          </div>
          <Alert tone="warning">
            This is the only time the key is shown. If you lose it, revoke it and create another.
          </Alert>
        </div>
      </Dialog>
    );
  }

  return (
    <FormDialog
      open={open}
      onClose={close}
      title="Create an API key"
      description="Name it after the service that will use it, so you know what breaks if you revoke it."
      submitLabel="Create key"
      pending={create.isPending}
      onSubmit={handleSubmit}
    >
      <TextField
        label="Name"
        name="name"
        placeholder="e.g. Render worker (production)"
        autoComplete="off"
        maxLength={64}
        error={fieldErrors.name}
        autoFocus
      />
      {create.isError && <Alert tone="danger">{create.error.message}</Alert>}
    </FormDialog>
  );
}
