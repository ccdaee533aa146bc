import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Whoever the test says is asking, for the session wrapper.
const session = vi.hoisted(() => ({ membership: null as null | Record<string, string> }));
vi.mock("@/lib/auth/session", () => ({ getMembership: async () => session.membership }));

import { ROLE_SCOPES, SCOPES, hasScope, type Role } from "@/lib/auth/roles";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { policyOf, type RoutePolicy } from "./route-options";

// Generated from the route files on disk: every exported method of every app/**/route.ts says
// who may call it (its wrapper marks it), and every session route is tried by every role of the
// roles table — refused with 403 exactly when the role lacks the route's scope. A new route
// without a policy, or a new role, is covered without touching this file.
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const ORIGIN = "http://portal.test";

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

interface ExportedRoute {
  file: string;
  method: (typeof HTTP_METHODS)[number];
  handler: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
  policy: RoutePolicy | undefined;
  /** A well-formed id for each [param] of the path, naming nothing. */
  params: Record<string, string>;
  url: string;
}

const FILES = routeFiles(path.resolve("app")).sort();
const routes: ExportedRoute[] = [];

beforeAll(async () => {
  for (const file of FILES) {
    const module = (await import(file)) as Record<string, unknown>;
    const relative = path.relative(path.resolve("app"), path.dirname(file));
    const params = Object.fromEntries([...relative.matchAll(/\[(?!\.\.\.)(\w+)\]/g)].map(([, name]) => [name, `missing_${name}`]));
    const url = `${ORIGIN}/${relative.replace(/\[(?!\.\.\.)(\w+)\]/g, (_, name: string) => params[name]).replace(/\(\w+\)\//g, "")}`;
    for (const method of HTTP_METHODS) {
      const handler = module[method];
      if (typeof handler === "function") routes.push({ file: path.relative(process.cwd(), file), method, handler: handler as ExportedRoute["handler"], policy: policyOf(handler), params, url });
    }
  }
});

let workspaceId: string;
beforeAll(async () => {
  workspaceId = (await createTestWorkspace()).id;
});
afterAll(() => {
  session.membership = null;
});

describe("route policies", () => {
  it("finds the route files, each exporting at least one method", () => {
    expect(FILES.length).toBeGreaterThan(30);
    for (const file of FILES) expect(routes.some((route) => route.file === path.relative(process.cwd(), file)), file).toBe(true);
  });

  it("every exported method declares who may call it, through its wrapper", () => {
    const undeclared = routes.filter((route) => !route.policy).map((route) => `${route.method} ${route.file}`);
    expect(undeclared).toEqual([]);
    for (const route of routes) {
      if (route.policy?.caller === "member") expect(SCOPES, `${route.method} ${route.file}`).toContain(route.policy.scope);
    }
  });

  it("every session route lives under /api and every API-key route under /v1", () => {
    for (const route of routes) {
      if (route.policy?.caller === "member") expect(route.file).toMatch(/^app\/api\//);
      if (route.policy?.caller === "api-key") expect(route.file).toMatch(/^app\/v1\//);
    }
  });

  it("members (who read and change nothing) are refused exactly the changes and the secrets", () => {
    const refused = routes
      .filter((route) => route.policy?.caller === "member" && !hasScope("member", route.policy.scope))
      .map((route) => `${route.method} ${route.file.replace(/^app|\/route\.ts$/g, "")}`)
      .sort();
    expect(refused).toEqual([
      "DELETE /api/api-keys/[keyId]",
      "DELETE /api/webhook-endpoints/[endpointId]",
      "GET /api/settings/inbound-secret",
      "GET /api/webhook-endpoints/[endpointId]/secret",
      "PATCH /api/webhook-endpoints/[endpointId]",
      "POST /api/api-keys",
      "POST /api/deliveries/[deliveryId]/resend",
      "POST /api/settings/inbound-secret/rotate",
      "POST /api/settings/inbound-webhook/test",
      "POST /api/webhook-endpoints",
      "POST /api/webhook-endpoints/[endpointId]/enable",
      "POST /api/webhook-endpoints/[endpointId]/replay",
      "POST /api/webhook-endpoints/[endpointId]/secret/rotate",
      "POST /api/webhook-endpoints/[endpointId]/test",
      "PUT /api/settings/connection",
      "PUT /api/settings/inbound-webhook",
      "PUT /api/settings/retention",
    ]);
  });

  const roles = Object.keys(ROLE_SCOPES) as Role[];
  it.each(roles)("a %s is refused (403) exactly the session routes whose scope the role lacks", async (role) => {
    const sessionRoutes = routes.filter((route): route is ExportedRoute & { policy: { caller: "member"; scope: (typeof SCOPES)[number] } } => route.policy?.caller === "member");
    expect(sessionRoutes.length).toBeGreaterThan(20);
    for (const [index, route] of sessionRoutes.entries()) {
      // A user of its own per call: the budget of changes is per user.
      session.membership = { userId: `user_${role}_${index}`, email: `${role}@example.com`, workspaceId, workspaceName: "Policies", role };
      const abort = new AbortController();
      const hasBody = route.method !== "GET" && route.method !== "HEAD";
      const request = new Request(route.url, {
        method: route.method,
        headers: { origin: ORIGIN, "content-type": "application/json" },
        body: hasBody ? "{}" : undefined,
        signal: abort.signal,
      });
      const response = await route.handler(request, { params: Promise.resolve(route.params) });
      const label = `${role}: ${route.method} ${route.file} (${route.policy.scope})`;
      if (hasScope(role, route.policy.scope)) {
        expect(response.status, label).not.toBe(403);
        expect(response.status, label).toBeLessThan(500);
        abort.abort();
        await response.body?.cancel().catch(() => undefined);
      } else {
        expect({ status: response.status, body: await response.json() }, label).toEqual({
          status: 403,
          body: { error: { code: "FORBIDDEN", message: expect.stringMatching(/^Only workspace .+ can do this$/) } },
        });
      }
      expect(response.headers.get("cache-control"), label).toBeTruthy();
    }
  });
});
