import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { migrate } from "@/lib/db/migrate";
import { samplePayload } from "@/lib/ingest/testing/sample-events";
import { signStandardWebhook } from "@/lib/ingest/testing/sign-standard-webhook";
import { startPortal, stopChild, waitForHealth } from "@/scripts/lib/portal-process";
import { readStack } from "./fixtures";

// The scale model, proven with real processes: two portals (A and B) and two delivery workers on
// one database of their own (on the e2e stack's PostgreSQL server), as a deployment behind a load
// balancer runs them. The portals deliver nothing themselves (DELIVERY_WORKER=off), so every
// delivery is a worker's.
const PORTS = { a: 3241, b: 3242 };
const A = `http://127.0.0.1:${PORTS.a}`;
const B = `http://127.0.0.1:${PORTS.b}`;
// Each worker answers GET /metrics on a port of its own (WORKER_METRICS_PORT).
const WORKER_METRICS_PORTS = [3243, 3244];
const METRICS_TOKEN = randomBytes(24).toString("base64url");

/** A webhook receiver that records each delivery's webhook-id and can hold its answers (a slow endpoint). */
interface Receiver {
  url: string;
  received: string[];
  inFlight: number;
  holdMs: number;
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const state = { received: [] as string[], inFlight: 0, holdMs: 0 };
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      state.received.push(String(request.headers["webhook-id"]));
      state.inFlight += 1;
      setTimeout(() => {
        state.inFlight -= 1;
        if (!response.destroyed)
          response.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
      }, state.holdMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/hooks`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

let admin: pg.Client;
let db: pg.Client;
let databaseName: string;
let receiver: Receiver;
const processes: ChildProcess[] = [];
let workers: ChildProcess[] = [];
let childEnv: Record<string, string>;

function startWorker(metricsPort: number): ChildProcess {
  const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...childEnv, WORKER_METRICS_PORT: String(metricsPort), HOST: "127.0.0.1" },
  });
  processes.push(worker);
  return worker;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const stack = readStack();
  databaseName = `several_processes_${Date.now()}`;
  admin = new pg.Client({ connectionString: stack.databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${databaseName}"`);
  const url = new URL(stack.databaseUrl);
  url.pathname = `/${databaseName}`;
  await migrate(url.toString());
  db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  receiver = await startReceiver();

  const secrets = {
    APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
  };
  childEnv = {
    ...secrets,
    DATABASE_URL: url.toString(),
    ALLOW_PRIVATE_WEBHOOK_URLS: "1",
    METRICS_TOKEN,
    LOG_LEVEL: "warn",
    EMAIL_SERVER: "",
    EMAIL_FROM: "",
  };
  for (const [name, port] of Object.entries(PORTS)) {
    const portal = startPortal(
      port,
      { ...childEnv, NEXTAUTH_URL: `http://127.0.0.1:${port}`, HOST: "127.0.0.1", DELIVERY_WORKER: "off" },
      { stdout: "ignore" },
    );
    processes.push(portal);
    await waitForHealth(name === "a" ? A : B, portal, 90_000);
  }
  workers = WORKER_METRICS_PORTS.map(startWorker);
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  // A child killed by a signal has no exit code: stopChild would wait for an exit that happened.
  await Promise.all(processes.filter((child) => child.signalCode === null).map((child) => stopChild(child)));
  await db?.end();
  await admin?.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  await admin?.end();
  await receiver?.close();
});

/** The sum over `urls` of one series of their Prometheus metrics (0 where a process has none yet). */
async function sumOfMetric(urls: string[], series: string): Promise<number> {
  let total = 0;
  for (const url of urls) {
    const response = await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status, url).toBe(200);
    const line = (await response.text()).split("\n").find((candidate) => candidate.startsWith(`${series} `));
    total += line === undefined ? 0 : Number(line.slice(series.length + 1));
  }
  return total;
}

async function count(sql: string, values: unknown[] = []): Promise<number> {
  return Number((await db.query<{ n: string }>(sql, values)).rows[0].n);
}

test("two portals and two workers on one database: events stored once, live on both, each delivery once, a killed worker loses nothing", async ({
  page,
}) => {
  test.setTimeout(240_000);
  let workspaceId = "";
  let secret = "";

  await test.step("a user signs up on portal A, and is signed in on portal B too", async () => {
    const email = `scale-${Date.now()}@example.com`;
    const password = "correct-horse-battery";
    const signUp = await page.request.post(`${A}/api/sign-up`, {
      data: { name: "Scale", email, password },
      headers: { origin: A },
    });
    expect(signUp.status(), await signUp.text()).toBe(201);
    const { csrfToken } = (await (await page.request.get(`${B}/api/auth/csrf`)).json()) as { csrfToken: string };
    const signIn = await page.request.post(`${B}/api/auth/callback/credentials`, {
      form: { csrfToken, email, password, json: "true" },
      headers: { origin: B },
    });
    expect(signIn.ok()).toBeTruthy();
    workspaceId = ((await (await page.request.get(`${A}/api/settings/connection`)).json()) as { workspaceId: string })
      .workspaceId;
    secret = ((await (await page.request.get(`${B}/api/settings/inbound-secret`)).json()) as { secret: string }).secret;
    const endpoint = await page.request.post(`${A}/api/webhook-endpoints`, {
      data: { url: receiver.url, eventTypes: ["job.created", "job.processing"] },
      headers: { origin: A },
    });
    expect(endpoint.status(), await endpoint.text()).toBe(201);
  });

  let sentAt = Date.parse("2026-01-01T00:00:00Z");
  const post = (portal: string, webhookId: string, body: string) => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    return fetch(`${portal}/api/webhooks/${workspaceId}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "webhook-id": webhookId,
        "webhook-timestamp": timestamp,
        "webhook-signature": signStandardWebhook(secret, webhookId, timestamp, body),
      },
      body,
    });
  };
  const event = (jobId: string, status: "created" | "transcribing") =>
    JSON.stringify(samplePayload("transcribe", status, jobId, (sentAt += 1_000)));

  await test.step("every event sent to both portals at once is stored once", async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        const jobId = `job_both_${index}`;
        const created = event(jobId, "created");
        const processing = event(jobId, "transcribing");
        // The same event (same webhook-id) to A and B at the same moment, as a retrying sender might.
        const twice = await Promise.all([post(A, `msg_${jobId}_0`, created), post(B, `msg_${jobId}_0`, created)]);
        const once = await post(index % 2 ? A : B, `msg_${jobId}_1`, processing);
        return [...twice, once].map((response) => response.status);
      }),
    );
    expect(answers.flat().every((status) => status === 200)).toBe(true);
    expect(await count(`SELECT count(*) AS n FROM "JobEvent" WHERE "workspaceId" = $1`, [workspaceId])).toBe(40);
    expect(
      await count(`SELECT count(*) AS n FROM "Job" WHERE "workspaceId" = $1 AND status = 'transcribing'`, [
        workspaceId,
      ]),
    ).toBe(20);
  });

  await test.step("the Jobs page on portal B shows live what portal A stores", async () => {
    await page.goto(`${B}/jobs`);
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
    expect((await post(A, "msg_live_0", event("job_live", "created"))).status).toBe(200);
    await expect(page.locator('[data-testid="job-row"][data-job-id="job_live"]')).toBeVisible();
  });

  await test.step("each delivery succeeds exactly once, whichever worker sends it", async () => {
    await expect
      .poll(
        () =>
          count(`SELECT count(*) AS n FROM "WebhookDelivery" WHERE "workspaceId" = $1 AND status = 'succeeded'`, [
            workspaceId,
          ]),
        { timeout: 60_000 },
      )
      .toBe(41);
    expect(receiver.received).toHaveLength(41);
    expect(new Set(receiver.received).size).toBe(41);
  });

  await test.step("the metrics of the four processes add up: requests on the portals, attempts on the workers", async () => {
    // 20 events sent to both portals, 20 to one of them, and the live one: all answered 200.
    expect(
      await sumOfMetric(
        [`${A}/api/metrics`, `${B}/api/metrics`],
        'portal_ingest_requests_total{result="accepted",status="200"}',
      ),
    ).toBe(61);
    const workerMetrics = WORKER_METRICS_PORTS.map((port) => `http://127.0.0.1:${port}/metrics`);
    expect(await sumOfMetric(workerMetrics, 'portal_delivery_attempts_total{outcome="succeeded",answer="2xx"}')).toBe(
      41,
    );
    expect(await sumOfMetric(workerMetrics, 'portal_delivery_queue{state="pending"}')).toBe(0);
  });

  await test.step("a worker killed with SIGKILL mid-send loses nothing: the other takes its deliveries over", async () => {
    const [doomed, survivor] = workers;
    // Only the doomed worker claims while the survivor is frozen; the endpoint answers slowly, so
    // the doomed worker is mid-send when it is killed.
    survivor.kill("SIGSTOP");
    receiver.holdMs = 5_000;
    const before = receiver.received.length;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        post(index % 2 ? A : B, `msg_kill_${index}`, event(`job_kill_${index}`, "created")),
      ),
    );
    expect(answers.every((response) => response.status === 200)).toBe(true);
    // Every one of them claimed by the doomed worker, and some already at the endpoint.
    const delivering = `SELECT count(*) AS n FROM "WebhookDelivery" WHERE "workspaceId" = $1 AND status = 'delivering'`;
    await expect.poll(() => count(delivering, [workspaceId]), { timeout: 30_000 }).toBe(10);
    await expect.poll(() => receiver.inFlight, { timeout: 30_000 }).toBeGreaterThan(0);
    doomed.kill("SIGKILL");
    receiver.holdMs = 0;
    survivor.kill("SIGCONT");

    // Its leases run out (10 s) and the survivor delivers everything; nothing is failed or lost.
    await expect
      .poll(
        () =>
          count(`SELECT count(*) AS n FROM "WebhookDelivery" WHERE "workspaceId" = $1 AND status = 'succeeded'`, [
            workspaceId,
          ]),
        { timeout: 90_000 },
      )
      .toBe(51);
    expect(
      await count(`SELECT count(*) AS n FROM "WebhookDelivery" WHERE "workspaceId" = $1 AND status <> 'succeeded'`, [
        workspaceId,
      ]),
    ).toBe(0);
    const sentAfter = receiver.received.slice(before);
    const messageIds = (
      await db.query<{ messageId: string }>(
        `SELECT d."messageId" FROM "WebhookDelivery" d JOIN "JobEvent" e ON e.id = d."jobEventId" WHERE e."webhookId" LIKE 'msg_kill_%' AND d."workspaceId" = $1`,
        [workspaceId],
      )
    ).rows.map((row) => row.messageId);
    expect(messageIds).toHaveLength(10);
    // Every one arrived; the only repeats are of these ten, which the killed worker held (at least
    // once: what it had sent before dying is sent again), never of anything delivered before.
    expect(new Set(sentAfter)).toEqual(new Set(messageIds));
    expect(sentAfter.length).toBeLessThanOrEqual(20);
  });
});
