/**
 * The portal's page URLs, for links, router pushes and redirects: each path is spelled here once.
 * (API paths live with their fetchers in each feature's queries.ts and mutations.ts.)
 */
export const routes = {
  home: "/",
  overview: "/overview",
  jobs: "/jobs",
  job: (jobId: string) => `/jobs/${encodeURIComponent(jobId)}`,
  apiDocs: "/api-docs",
  settings: "/settings",
  apiKeys: "/settings/api-keys",
  webhooks: "/settings/webhooks",
  alerts: "/settings/alerts",
  endpoint: (endpointId: string) => `/settings/webhooks/${encodeURIComponent(endpointId)}`,
  signIn: "/sign-in",
  signUp: "/sign-up",
  checkEmail: (email?: string) => `/sign-up/check-email${email ? `?${new URLSearchParams({ email })}` : ""}`,
} as const;
