import { mutationOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import type { WorkspaceView } from "@/lib/workspaces/types";

// Workspace writes. Each changes what the server draws (the sidebar's name, the switcher), so the
// callers refresh or leave the page instead of invalidating a query.

export const createWorkspaceMutation = () =>
  mutationOptions({
    mutationFn: (input: { name: string }) =>
      fetchJson<WorkspaceView>("/api/workspaces", { method: "POST", body: JSON.stringify(input) }),
  });

export const renameWorkspaceMutation = () =>
  mutationOptions({
    mutationFn: (input: { name: string }) =>
      fetchJson<WorkspaceView>("/api/workspace", { method: "PATCH", body: JSON.stringify(input) }),
  });

export const deleteWorkspaceMutation = () =>
  mutationOptions({
    mutationFn: (input: { confirmName: string }) =>
      fetchJson<null>("/api/workspace", { method: "DELETE", body: JSON.stringify(input) }),
  });
