import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Signed in as the owner of the test's workspace, so every route gets past its role check (and the
// user's own routes, their account's).
const session = vi.hoisted(() => ({ workspaceId: "", userId: "" }));
vi.mock("@/lib/auth/session", () => ({
  getMembership: async () => ({ ...session, email: "fuzz@example.com", workspaceName: "fuzz", role: "owner" }),
  requireMembership: async () => ({ ...session, email: "fuzz@example.com", workspaceName: "fuzz", role: "owner" }),
}));
vi.mock("@/lib/auth/signed-in-user", () => ({
  getSignedInUser: async () => ({ userId: session.userId, email: "fuzz@example.com", name: "Fuzz" }),
}));

import { errorEnvelopeSchema } from "@/lib/contract/errors";
import { seal } from "@/lib/crypto/secret-box";
import { prisma } from "@/lib/db/client";
import { insertTestDelivery, insertTestEndpoint, insertTestJob } from "@/lib/delivery/testing/insert-test-deliveries";
import { type Simulator, startSimulator } from "@/simulator/server";
import { createTestWorkspace } from "@/test/fixtures/workspace";

// Every session route under app/api — found on disk, so a new route is fuzzed without a word
// here — called with malformed ids in the path, malformed query strings and malformed bodies:
// no answer may be a 5xx, and every error answer is the error envelope.
const ROOT = path.resolve(import.meta.dirname, "../..");
const ORIGIN = "http://portal.test";
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
// next-auth's own handler, and the inbound webhooks (fuzzed signed, in lib/ingest/ingest-fuzz.int.test.ts).
const NOT_SESSION_ROUTES = new Set(["app/api/auth/[...nextauth]/route.ts"]);

interface Route {
  file: string;
  /** e.g. /api/jobs/[jobId]/download */
  pattern: string;
  params: string[];
  handlers: Partial<
    Record<
      (typeof METHODS)[number],
      (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>
    >
  >;
}

function findRouteFiles(): string[] {
  return (readdirSync(path.join(ROOT, "app/api"), { recursive: true }) as string[])
    .filter((file) => file.endsWith("route.ts"))
    .map((file) => path.posix.join("app/api", file.split(path.sep).join("/")))
    .filter((file) => !NOT_SESSION_ROUTES.has(file))
    .sort();
}

const nested = (levels: number) => "[".repeat(levels) + "]".repeat(levels);

const MALFORMED_IDS = [
  "\u0000",
  "a\u0000b",
  "x".repeat(129),
  "x".repeat(10_000),
  "../../etc/passwd",
  "' OR 1=1 --",
  "😀",
  " ",
  "%00",
  "a/b",
  "\uD800",
];

const QUERIES = [
  "?limit=-1",
  "?limit=abc&after=%00",
  "?limit=1e999",
  `?after=${"x".repeat(5_000)}`,
  "?after=%00&before=%00",
  "?after=AAAA&before=BBBB",
  "?cursor=%00",
  "?cursor=eyJ4Ijp0cnVlfQ",
  "?cursor=%ED%A0%80&after=%FF", // a UTF-16 surrogate in UTF-8, and a byte that is no UTF-8
  "?since=garbage",
  "?since=%00",
  "?since=9999-12-31T23:59:59Z",
  "?since=-271821-04-20T00:00:00Z",
  "?expirationSeconds=1e999",
  "?expirationSeconds=-5",
  "?q=%00",
  `?q=${"%F0%9F%98%80".repeat(100)}`,
  "?state=%00&status=__proto__&apiProduct=constructor&sort=toString",
  "?limit=1&limit=2&limit=3",
  "?%00=%00",
];

const BODIES: Array<string | Uint8Array> = [
  "",
  "{",
  '{"a":',
  "null",
  "[]",
  '"text"',
  "123",
  "true",
  "{}",
  '{"name":null,"url":null,"description":null,"eventTypes":null,"enabled":null,"since":null,"baseUrl":null,"apiKey":null,"expirationSeconds":null}',
  '{"name":123,"url":123,"description":{"x":1},"eventTypes":"job.created","enabled":"yes","since":1,"baseUrl":[],"apiKey":true,"expirationSeconds":"abc"}',
  '{"expirationSeconds":1e309}',
  '{"expirationSeconds":-1,"since":"\\u0000","name":"\\u0000","url":"https://a\\u0000.example/","description":"\\ud800"}',
  `{"name":"${"x".repeat(200_000)}","url":"https://${"a".repeat(70_000)}.example/","description":"${"d".repeat(100_000)}"}`,
  `{"name":${nested(20_000)},"eventTypes":${nested(20_000)}}`,
  nested(100_000),
  '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
  '{"eventTypes":["job.created","job.created","nope"],"url":"javascript:alert(1)"}',
  '{"since":"2999-01-01T00:00:00Z","baseUrl":"http://169.254.169.254/latest","url":"http://[::1]:80/"}',
  new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), // {"a":"<invalid UTF-8>"}
];

let routes: Route[];
let existing: Record<string, string>;
let upstream: Simulator;

beforeAll(async () => {
  // A connected workspace (the simulator as its Jobs API), so that routes calling the upstream
  // answer as designed instead of "not connected".
  upstream = await startSimulator({ apiKey: "sim_fuzz_key", speed: 400, webhook: null });
  const workspace = await createTestWorkspace();
  await prisma.workspace.update({
    where: { id: workspace.id },
    data: { upstreamBaseUrl: upstream.url, upstreamApiKeyEnc: seal("sim_fuzz_key") },
  });
  const user = await prisma.user.create({
    data: { email: `fuzz-${workspace.id}@example.com`, name: "Fuzz" },
    select: { id: true },
  });
  session.workspaceId = workspace.id;
  session.userId = user.id;
  const endpointId = await insertTestEndpoint(workspace.id);
  // The endpoint's URL is loopback: the portal refuses to call it, so the test route answers at once.
  await prisma.webhookEndpoint.update({ where: { id: endpointId }, data: { url: "http://127.0.0.1:9/hook" } });
  const job = await insertTestJob(workspace.id, 2);
  const deliveryId = await insertTestDelivery(workspace.id, {
    endpointId,
    jobId: job.jobId,
    jobEventId: job.eventIds[0],
    status: "failed",
    createdAt: new Date(),
    attempts: [{ statusCode: 500 }],
  });
  const key = await prisma.apiKey.create({
    data: { workspaceId: workspace.id, name: "fuzz", prefix: "jp_live_fz", hashedKey: `fuzz-${workspace.id}` },
    select: { id: true },
  });
  existing = { jobId: job.upstreamJobId, endpointId, deliveryId, keyId: key.id, workspaceId: workspace.id };

  routes = [];
  for (const file of findRouteFiles()) {
    const module = (await import(path.join(ROOT, file))) as Route["handlers"];
    const handlers = Object.fromEntries(
      METHODS.filter((method) => typeof module[method] === "function").map((method) => [method, module[method]]),
    );
    const pattern = `/${path.posix.dirname(file).replace(/^app\//, "")}`;
    const params = [...pattern.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1]);
    routes.push({ file, pattern, params, handlers });
  }
}, 60_000);

afterAll(async () => {
  await upstream.close();
});

interface Outcome {
  call: string;
  status: number;
  body?: string;
}

// A lone surrogate cannot be percent-encoded; Next.js would not decode one either.
const encodeSegment = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80";
  }
};

async function call(
  route: Route,
  method: keyof Route["handlers"],
  ids: Record<string, string>,
  query = "",
  body?: string | Uint8Array,
): Promise<Outcome> {
  const url = `${ORIGIN}${route.pattern.replace(/\[([^\]]+)\]/g, (_, name: string) => encodeSegment(ids[name] ?? ""))}${query}`;
  const init: RequestInit = { method, headers: { origin: ORIGIN, "content-type": "application/json" } };
  if (body !== undefined && method !== "GET") init.body = body as BodyInit;
  const handler = route.handlers[method];
  if (!handler) throw new Error("no handler");
  const response = await handler(new Request(url, init), { params: Promise.resolve(ids) });
  const description = `${method} ${route.pattern} ids=${JSON.stringify(ids).slice(0, 80)} query=${query.slice(0, 60)} body=${String(body).slice(0, 60)}`;
  const contentType = response.headers.get("content-type") ?? "";
  if (contentType.includes("event-stream") || contentType.includes("zip")) {
    await response.body?.cancel();
    return { call: description, status: response.status };
  }
  const text = await response.text();
  if (response.status >= 400) {
    const parsed = errorEnvelopeSchema.safeParse(JSON.parse(text || "null"));
    if (!parsed.success)
      return { call: description, status: response.status, body: `not the envelope: ${text.slice(0, 200)}` };
  }
  return { call: description, status: response.status, body: response.status >= 500 ? text.slice(0, 300) : undefined };
}

function idsWith(route: Route, value: (name: string) => string): Record<string, string> {
  return Object.fromEntries(route.params.map((name) => [name, value(name)]));
}

const serverErrors = (outcomes: Outcome[]) =>
  outcomes.filter((outcome) => outcome.status >= 500 || outcome.body?.startsWith("not the envelope"));

describe("every session route, fuzzed", () => {
  it("finds the routes on disk", () => {
    const patterns = routes.map((route) => route.pattern);
    expect(patterns).toContain("/api/deliveries/[deliveryId]");
    expect(patterns).toContain("/api/jobs/[jobId]");
    expect(patterns).toContain("/api/webhook-endpoints/[endpointId]/replay");
    expect(routes.length).toBeGreaterThanOrEqual(20);
    for (const route of routes) expect(Object.keys(route.handlers).length, route.file).toBeGreaterThan(0);
  });

  it("answers malformed ids in the path with 404, before any query, never a 5xx", async () => {
    const outcomes: Outcome[] = [];
    for (const route of routes.filter((candidate) => candidate.params.length > 0)) {
      for (const method of Object.keys(route.handlers) as Array<keyof Route["handlers"]>) {
        for (const bad of MALFORMED_IDS)
          outcomes.push(
            await call(
              route,
              method,
              idsWith(route, () => bad),
              "",
              "{}",
            ),
          );
      }
    }
    expect(serverErrors(outcomes)).toEqual([]);
    // The inbound webhook route names its workspace in the path too and checks it the same way.
    expect(outcomes.filter((outcome) => outcome.status !== 404)).toEqual([]);
  });

  it("answers malformed query strings and bodies on every route (real ids and missing ones) without a 5xx", async () => {
    const outcomes: Outcome[] = [];
    const missing = "x_missing_0123456789";
    for (const route of routes) {
      for (const ids of [
        idsWith(route, (name) => existing[name] ?? missing),
        idsWith(route, () => missing),
        idsWith(route, () => "__proto__"),
      ]) {
        for (const method of Object.keys(route.handlers) as Array<keyof Route["handlers"]>) {
          // Destructive calls last, so the other calls still find what they name.
          if (method === "DELETE") continue;
          for (const query of QUERIES) outcomes.push(await call(route, method, ids, query));
          if (method !== "GET") for (const body of BODIES) outcomes.push(await call(route, method, ids, "", body));
        }
      }
    }
    for (const route of routes.filter((candidate) => candidate.handlers.DELETE)) {
      for (const body of BODIES.slice(0, 3))
        outcomes.push(
          await call(
            route,
            "DELETE",
            idsWith(route, () => missing),
            "",
            body,
          ),
        );
    }
    expect(outcomes.length).toBeGreaterThan(1_000);
    expect(serverErrors(outcomes)).toEqual([]);
  }, 300_000);
});
