"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { type FieldErrors, toFieldErrors } from "@/components/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { renameWorkspaceInputSchema } from "@/lib/workspaces/schemas";
import { renameWorkspaceMutation } from "./mutations";

/** Settings → Workspace: its name (owners and admins). */
export function RenameWorkspaceForm({ name }: { name: string }) {
  const rename = useMutation(renameWorkspaceMutation());
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<"name">>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = renameWorkspaceInputSchema.safeParse({ name: new FormData(event.currentTarget).get("name") });
    setFieldErrors(parsed.success ? {} : toFieldErrors(parsed.error));
    // The sidebar and the switcher are drawn by the server: refresh them.
    if (parsed.success) rename.mutate(parsed.data, { onSuccess: () => router.refresh() });
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label="Workspace name"
          name="name"
          defaultValue={name}
          maxLength={100}
          error={fieldErrors.name}
          className="min-w-64 flex-1"
        />
        <Button type="submit" variant="secondary" loading={rename.isPending}>
          Rename
        </Button>
      </div>
      {rename.isError && <Alert tone="danger">{rename.error.message}</Alert>}
      {rename.isSuccess && <Alert tone="success">Renamed to {rename.data.workspace.name}.</Alert>}
    </form>
  );
}
