/**
 * The portal's page URLs, for links, router pushes and redirects: each path is spelled here once.
 * (API paths live with their fetchers in each feature's queries.ts and mutations.ts.)
 *
 * Workspace pages live under their workspace, `/w/{workspaceId}/…`, so each tab shows the
 * workspace in its URL: links are built with `workspaceRoutes(id)` (pages) or
 * `useWorkspaceRoutes()` (client components, components/shell/use-workspace-routes.ts). A bare
 * `/jobs` or `/settings/…` still works: it opens the browser's last workspace.
 */
export const routes = {
  home: "/",
  jobs: "/jobs",
  signIn: "/sign-in",
  signUp: "/sign-up",
  checkEmail: (email?: string) => `/sign-up/check-email${email ? `?${new URLSearchParams({ email })}` : ""}`,
  forgotPassword: "/forgot-password",
  resetPassword: (token: string) => `/reset-password?${new URLSearchParams({ token })}`,
  invite: (token: string) => `/invite?${new URLSearchParams({ token })}`,
  newWorkspace: "/workspaces/new",
} as const;

export function workspaceRoutes(workspaceId: string) {
  const base = `/w/${encodeURIComponent(workspaceId)}`;
  return {
    base,
    jobs: `${base}/jobs`,
    job: (jobId: string) => `${base}/jobs/${encodeURIComponent(jobId)}`,
    /** An output's stable link: redirects to a fresh presigned link whenever it is opened. */
    output: (jobId: string, outputIndex: number) => `${base}/jobs/${encodeURIComponent(jobId)}/outputs/${outputIndex}`,
    apiDocs: `${base}/api-docs`,
    settings: `${base}/settings`,
    apiKeys: `${base}/settings/api-keys`,
    webhooks: `${base}/settings/webhooks`,
    endpoint: (endpointId: string) => `${base}/settings/webhooks/${encodeURIComponent(endpointId)}`,
    members: `${base}/settings/members`,
    auditLog: `${base}/settings/audit-log`,
    account: `${base}/account`,
  } as const;
}

export type WorkspaceRoutes = ReturnType<typeof workspaceRoutes>;
