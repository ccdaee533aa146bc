"use client";

import { type FormEvent, useState } from "react";
import { type FieldErrors, toFieldErrors } from "@/components/field-errors";
import { workspaceRoutes } from "@/components/routes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fetchJson, RequestError } from "@/lib/http/fetch-json";
import { createWorkspaceInputSchema } from "@/lib/workspaces/schemas";
import type { WorkspaceView } from "@/lib/workspaces/types";

// The new-workspace page sits outside any workspace, with no QueryClient: a plain fetch, its
// pending and error kept as form state.
export function CreateWorkspaceForm() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<"name">>({});

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createWorkspaceInputSchema.safeParse({ name: new FormData(event.currentTarget).get("name") });
    setError(null);
    setFieldErrors(parsed.success ? {} : toFieldErrors(parsed.error));
    if (!parsed.success) return;
    setPending(true);
    try {
      const { workspace } = await fetchJson<WorkspaceView>("/api/workspaces", {
        method: "POST",
        body: JSON.stringify(parsed.data),
      });
      // A full load of the new workspace: its own cache, sidebar and switcher.
      window.location.assign(workspaceRoutes(workspace.id).settings);
    } catch (cause) {
      setPending(false);
      setError(cause instanceof RequestError ? cause.message : "Could not create the workspace. Try again.");
    }
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="space-y-5">
      {error && <Alert tone="danger">{error}</Alert>}
      <TextField
        label="Workspace name"
        name="name"
        autoComplete="organization"
        maxLength={100}
        autoFocus
        error={fieldErrors.name}
        hint="Your team, project or environment, e.g. Acme staging."
      />
      <Button type="submit" size="lg" className="w-full" loading={pending}>
        Create workspace
      </Button>
    </form>
  );
}
