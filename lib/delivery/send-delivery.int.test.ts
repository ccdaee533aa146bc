import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret } from "@/lib/crypto/webhook-secret";
import { prisma } from "@/lib/db/client";
import { dubJobEvents } from "@/lib/ingest/testing/sample-events";
import { postSigned } from "@/lib/ingest/testing/webhook-requests";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { USER_AGENT } from "./post-webhook";
import { createTestEndpoint } from "./testing/create-test-endpoint";
import { deliverDue } from "./testing/deliver-due";
import { receiverForThisFile } from "./testing/start-receiver";

// One attempt, end to end: an event stored through the real ingest route, claimed, sent to a real
// HTTP receiver, verified with the `standardwebhooks` package, and its outcome in the rows.
const receiver = receiverForThisFile();

const SECOND = 1_000;
const HOUR = 3_600 * SECOND;

async function setup(path: string, options: Parameters<typeof createTestEndpoint>[2] = {}) {
  const workspace = await createTestWorkspace();
  const endpoint = await createTestEndpoint(workspace.id, receiver.url(path), options);
  return { workspace, endpoint };
}

async function ingest(workspace: TestWorkspace, step = 0, jobId = "job_d") {
  const response = await postSigned(workspace, dubJobEvents(jobId)[step]);
  expect(response.status).toBe(200);
}

const deliveryOf = (workspaceId: string) =>
  prisma.webhookDelivery.findFirstOrThrow({
    where: { workspaceId },
    include: { attempts: { orderBy: { attemptNumber: "asc" } } },
  });
const endpointRow = (id: string) => prisma.webhookEndpoint.findUniqueOrThrow({ where: { id } });
const requestsTo = (path: string) => receiver.requests.filter((request) => request.path === path);

describe("a delivery attempt", () => {
  it("POSTs the Jobs API's webhook payload, signed so that standardwebhooks verifies it, and records the success", async () => {
    const { workspace, endpoint } = await setup("/ok");
    receiver.respond(() => ({ status: 204 }));
    await ingest(workspace, 1);
    expect(await deliverDue(workspace.id, { clock: () => Date.now() + SECOND })).toBe(1);

    const [request] = requestsTo("/ok");
    const delivery = await deliveryOf(workspace.id);
    expect(new Webhook(endpoint.secret).verify(request.body, request.headers as Record<string, string>)).toEqual(
      dubJobEvents("job_d")[1],
    );
    expect(request.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": USER_AGENT,
      "webhook-id": delivery.messageId,
    });
    expect(delivery).toMatchObject({
      status: "succeeded",
      attemptCount: 1,
      lastStatusCode: 204,
      lastError: null,
      leaseExpiresAt: null,
    });
    expect(delivery.completedAt).not.toBeNull();
    expect(delivery.attempts).toMatchObject([{ attemptNumber: 1, statusCode: 204, error: null, nextRetryAt: null }]);
  });

  it("retries on the schedule (−20 % jitter here), same webhook-id, new timestamp and signature each time, then gives up", async () => {
    const { workspace, endpoint } = await setup("/down");
    receiver.respond((request) => ({ status: request.path === "/down" ? 500 : 200, body: "boom" }));
    await ingest(workspace);
    let now = Date.now() + SECOND;
    const context = { clock: () => now, random: () => 0 };
    const expectedDelays = [
      5 * SECOND,
      5 * 60 * SECOND,
      30 * 60 * SECOND,
      2 * HOUR,
      5 * HOUR,
      10 * HOUR,
      10 * HOUR,
    ].map((ms) => ms * 0.8);

    for (const [index, delay] of expectedDelays.entries()) {
      expect(await deliverDue(workspace.id, context)).toBe(1);
      const delivery = await deliveryOf(workspace.id);
      expect(delivery).toMatchObject({
        status: "pending",
        attemptCount: index + 1,
        lastStatusCode: 500,
        lastError: "HTTP 500",
      });
      expect(delivery.nextAttemptAt.getTime()).toBe(now + delay);
      expect(delivery.attempts[index]).toMatchObject({
        statusCode: 500,
        responseExcerpt: "boom",
        nextRetryAt: delivery.nextAttemptAt,
      });
      now += delay - 1;
      expect(await deliverDue(workspace.id, context)).toBe(0); // not due a millisecond early
      now += 1;
    }
    expect(await deliverDue(workspace.id, context)).toBe(1);
    const delivery = await deliveryOf(workspace.id);
    expect(delivery).toMatchObject({ status: "failed", attemptCount: 8 });
    expect(delivery.attempts.map((attempt) => attempt.attemptNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

    const requests = requestsTo("/down");
    expect(requests).toHaveLength(8);
    expect(new Set(requests.map((request) => request.headers["webhook-id"]))).toEqual(new Set([delivery.messageId]));
    expect(new Set(requests.map((request) => request.headers["webhook-timestamp"])).size).toBe(8);
    expect(new Set(requests.map((request) => request.headers["webhook-signature"])).size).toBe(8);
    expect((await endpointRow(endpoint.id)).failingSince).not.toBeNull();
  });

  it("clears the endpoint's failing run on a success", async () => {
    const { workspace, endpoint } = await setup("/flaky");
    let status = 502;
    receiver.respond(() => ({ status }));
    await ingest(workspace);
    let now = Date.now() + SECOND;
    await deliverDue(workspace.id, { clock: () => now });
    expect((await endpointRow(endpoint.id)).failingSince?.getTime()).toBe(now);
    status = 200;
    now += 10 * SECOND;
    await deliverDue(workspace.id, { clock: () => now });
    expect((await endpointRow(endpoint.id)).failingSince).toBeNull();
    expect((await deliveryOf(workspace.id)).status).toBe("succeeded");
  });

  it("does not follow redirects: a 3xx is a failure", async () => {
    const { workspace } = await setup("/moved");
    receiver.respond((request) =>
      request.path === "/moved" ? { status: 307, headers: { location: receiver.url("/target") } } : { status: 200 },
    );
    await ingest(workspace);
    await deliverDue(workspace.id, { clock: () => Date.now() + SECOND });
    expect(requestsTo("/target")).toHaveLength(0);
    expect(await deliveryOf(workspace.id)).toMatchObject({ status: "pending", lastStatusCode: 307 });
  });

  it("gives up on a silent endpoint at the timeout, and retries", async () => {
    const { workspace } = await setup("/silent");
    receiver.respond((request) => (request.path === "/silent" ? { hang: true } : { status: 200 }));
    await ingest(workspace);
    const started = Date.now();
    await deliverDue(workspace.id, { clock: () => Date.now() + SECOND, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5 * SECOND);
    const delivery = await deliveryOf(workspace.id);
    expect(delivery).toMatchObject({ status: "pending", lastStatusCode: null, lastError: "Timed out after 0.3 s" });
    expect(delivery.attempts[0].durationMs).toBeGreaterThanOrEqual(290);
  });

  it("reads at most 64 KiB of an answer and keeps 2 KiB of it", async () => {
    const { workspace } = await setup("/huge");
    receiver.respond(() => ({ status: 200, body: Buffer.alloc(4 * 1024 * 1024, "x") }));
    await ingest(workspace);
    await deliverDue(workspace.id, { clock: () => Date.now() + SECOND });
    const delivery = await deliveryOf(workspace.id);
    expect(delivery.status).toBe("succeeded");
    expect(delivery.attempts[0].responseExcerpt).toHaveLength(2048);
  });

  it("disables the endpoint on 410 Gone and fails its pending deliveries", async () => {
    const { workspace, endpoint } = await setup("/gone");
    receiver.respond(() => ({ status: 410 }));
    for (const step of [0, 1, 2]) await ingest(workspace, step);
    await deliverDue(workspace.id, { clock: () => Date.now() + SECOND }, 1);

    const row = await endpointRow(endpoint.id);
    expect(row).toMatchObject({
      enabled: false,
      disabledReason: expect.stringMatching(/^The endpoint answered 410 Gone on /),
    });
    expect(row.disabledAt).not.toBeNull();
    const deliveries = await prisma.webhookDelivery.findMany({
      where: { workspaceId: workspace.id },
      orderBy: { attemptCount: "desc" },
    });
    expect(deliveries.map((d) => [d.status, d.attemptCount])).toEqual([
      ["failed", 1],
      ["failed", 0],
      ["failed", 0],
    ]);
    expect(deliveries[1].lastError).toMatch(/^Endpoint disabled: The endpoint answered 410 Gone/);
    await ingest(workspace, 3);
    expect(await prisma.webhookDelivery.count({ where: { workspaceId: workspace.id } })).toBe(3);
  });

  it.each([
    [429, "120", 120 * SECOND],
    [503, "Retry-After as an HTTP date, two hours ahead", 2 * HOUR],
    [429, String(3 * 24 * 3600), 24 * HOUR],
  ])("honours Retry-After on %i (%s)", async (status, header, expectedDelay) => {
    const { workspace } = await setup(`/busy${status}`);
    await ingest(workspace);
    // A whole second (an HTTP date has no milliseconds) after the delivery became due: taken after
    // the ingest, which on a loaded machine may take longer than any margin taken before it.
    const now = Math.ceil((Date.now() + SECOND) / SECOND) * SECOND;
    const value = header.startsWith("Retry-After") ? new Date(now + 2 * HOUR).toUTCString() : header;
    receiver.respond(() => ({ status, headers: { "retry-after": value } }));
    await deliverDue(workspace.id, { clock: () => now });
    const delivery = await deliveryOf(workspace.id);
    expect(delivery).toMatchObject({ status: "pending", lastStatusCode: status });
    expect(delivery.nextAttemptAt.getTime()).toBe(now + expectedDelay);
  });

  it("disables an endpoint that has failed for five days, with a reason, and fails what is pending", async () => {
    const { workspace, endpoint } = await setup("/dead");
    receiver.respond(() => ({ status: 500 }));
    await ingest(workspace, 0);
    await ingest(workspace, 1);
    const now = Date.now() + SECOND;
    await prisma.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { failingSince: new Date(now - 4 * 24 * HOUR) },
    });
    await deliverDue(workspace.id, { clock: () => now }, 1);
    expect((await endpointRow(endpoint.id)).enabled).toBe(true);

    await prisma.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { failingSince: new Date(now - 5 * 24 * HOUR) },
    });
    await deliverDue(workspace.id, { clock: () => now + 10 * SECOND }, 1);
    const row = await endpointRow(endpoint.id);
    expect(row).toMatchObject({ enabled: false, disabledReason: "Every delivery attempt failed for 5 days" });
    expect(row.disabledAt?.getTime()).toBe(now + 10 * SECOND);
    const statuses = await prisma.webhookDelivery.findMany({
      where: { workspaceId: workspace.id },
      select: { status: true },
    });
    expect(statuses.map((d) => d.status)).toEqual(["failed", "failed"]);
  });

  it("signs with both secrets during a rotation, and with the new one alone after it", async () => {
    const previous = generateWebhookSecret();
    const { workspace, endpoint } = await setup("/rotating", {
      previousSecret: previous,
      previousSecretExpiresAt: new Date(Date.now() + HOUR),
    });
    receiver.respond(() => ({ status: 200 }));
    await ingest(workspace, 0);
    await deliverDue(workspace.id, { clock: () => Date.now() + SECOND });
    const [request] = requestsTo("/rotating");
    const headers = request.headers as Record<string, string>;
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(() => new Webhook(endpoint.secret).verify(request.body, headers)).not.toThrow();
    expect(() => new Webhook(previous).verify(request.body, headers)).not.toThrow();

    await prisma.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { previousSecretExpiresAt: new Date(Date.now() - SECOND) },
    });
    await ingest(workspace, 1);
    await deliverDue(workspace.id, { clock: () => Date.now() + SECOND });
    const after = requestsTo("/rotating")[1].headers as Record<string, string>;
    expect(after["webhook-signature"].split(" ")).toHaveLength(1);
    expect(() => new Webhook(previous).verify(requestsTo("/rotating")[1].body, after)).toThrow();
  });
});
