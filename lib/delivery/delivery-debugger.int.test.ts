import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { requireDirectDatabaseUrl } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { dubJobEvents } from "@/lib/ingest/testing/sample-events";
import { postSigned } from "@/lib/ingest/testing/webhook-requests";
import { JOB_ACTIVITY_CHANNEL } from "@/lib/live/job-activity";
import { TEST_ACTOR } from "@/test/fixtures/actor";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { getAttemptDebug } from "./get-attempt-debug";
import { getReplayCurl } from "./get-replay-curl";
import { resendDelivery } from "./resend-delivery";
import { MAX_ATTEMPTS } from "./retry-schedule";
import { createTestEndpoint } from "./testing/create-test-endpoint";
import { deliverDue } from "./testing/deliver-due";
import { receiverForThisFile } from "./testing/start-receiver";

// The delivery debugger against real rows: what an attempt sent is stored with it (links'
// credentials redacted) and read back with the signed string; Copy as cURL, run by bash, reaches
// the receiver signed afresh; a resend of a delivery that used every attempt gets a new schedule;
// and each recorded attempt is announced to the job page.
const receiver = receiverForThisFile();
const run = promisify(execFile);
const SECOND = 1_000;

const FRESH_LINK =
  "https://s3.amazonaws.com/bucket/job_dbg/dubbed.mp4?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261201&X-Amz-Date=20261201T090000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=0123456789abcdef";
const freshLinks = async () => [{ url: FRESH_LINK, expiresAt: "2026-12-01T10:00:00Z", sizeBytes: 45_678_901 }];

let listener: pg.Client;
const announced: string[] = [];
beforeAll(async () => {
  listener = new pg.Client({ connectionString: requireDirectDatabaseUrl() });
  await listener.connect();
  listener.on("notification", (message) => announced.push(message.payload ?? ""));
  await listener.query(`LISTEN ${JOB_ACTIVITY_CHANNEL}`);
});
afterAll(async () => {
  await listener.end();
});

async function setup(path: string, step: number, jobId: string) {
  const workspace = await createTestWorkspace();
  const endpoint = await createTestEndpoint(workspace.id, receiver.url(path));
  expect((await postSigned(workspace, dubJobEvents(jobId)[step])).status).toBe(200);
  return { workspace, endpoint };
}

const deliveryOf = (workspace: TestWorkspace) =>
  prisma.webhookDelivery.findFirstOrThrow({
    where: { workspaceId: workspace.id },
    include: { attempts: { orderBy: { attemptNumber: "asc" } } },
  });

describe("the delivery debugger", () => {
  it("keeps each attempt's request as sent, links redacted, and its answer's headers; the signed string is the signature's input", async () => {
    const { workspace } = await setup("/debug", 8, "job_dbg");
    receiver.respond((request) => ({
      status: request.path === "/debug" ? 202 : 200,
      headers: { "x-receiver": "yes", "set-cookie": "session=secret" },
      body: "accepted",
    }));
    expect(await deliverDue(workspace.id, { clock: () => Date.now() + SECOND, requestLinks: freshLinks })).toBe(1);

    const request = receiver.requests.findLast((candidate) => candidate.path === "/debug")!;
    const delivery = await deliveryOf(workspace);
    const view = await getAttemptDebug(workspace.id, delivery.id, delivery.attempts[0].id);
    expect(view.attempt).toMatchObject({ attemptNumber: 1, statusCode: 202, responseExcerpt: "accepted" });
    expect(view.request).not.toBeNull();
    const sent = view.request!;
    expect(sent.url).toBe(receiver.url("/debug"));
    for (const name of [
      "webhook-id",
      "webhook-timestamp",
      "webhook-signature",
      "content-type",
      "user-agent",
      "content-length",
    ]) {
      expect(sent.headers[name], name).toBe(request.headers[name]);
    }
    // The body is what was sent but for the link's credentials; the harmless parameters stay.
    expect(sent.body).toBe(
      request.body.replace(
        FRESH_LINK,
        FRESH_LINK.replace("AKIAEXAMPLE%2F20261201", "REDACTED").replace("0123456789abcdef", "REDACTED"),
      ),
    );
    expect(sent.body).not.toContain("0123456789abcdef");
    expect(sent.body).toContain("X-Amz-Expires=3600");
    expect(sent.truncated).toBe(false);
    expect(sent.signedContent).toBe(
      `${request.headers["webhook-id"]}.${request.headers["webhook-timestamp"]}.${sent.body}`,
    );
    expect(view.responseHeaders).toMatchObject({ "x-receiver": "yes", "set-cookie": "REDACTED" });

    const other = await createTestWorkspace();
    await expect(getAttemptDebug(other.id, delivery.id, delivery.attempts[0].id)).rejects.toMatchObject({
      status: 404,
    });
    await vi.waitFor(() =>
      expect(announced.some((payload) => payload.includes('"jobId":"job_dbg"') && payload.includes(workspace.id))).toBe(
        true,
      ),
    );
  });

  it("Copy as cURL, run by bash, delivers the event signed now with the endpoint's secret", async () => {
    const { workspace, endpoint } = await setup("/curl", 1, "job_curl");
    receiver.respond(() => ({ status: 200, body: "ok" }));
    expect(await deliverDue(workspace.id, { clock: () => Date.now() + SECOND })).toBe(1);
    const delivery = await deliveryOf(workspace);
    const before = receiver.requests.length;

    const { command, signedAt } = await getReplayCurl(workspace.id, delivery.id);
    expect(Math.abs(Date.parse(signedAt) - Date.now())).toBeLessThan(5_000);
    await run("bash", ["-c", command], { timeout: 15_000 });
    expect(receiver.requests.length).toBe(before + 1);
    const replayed = receiver.requests.at(-1)!;
    expect(replayed.path).toBe("/curl");
    const original = receiver.requests.find((candidate) => candidate.path === "/curl")!;
    expect(replayed.headers["webhook-id"]).toBe(delivery.messageId);
    expect(replayed.body).toBe(original.body);
    expect(new Webhook(endpoint.secret).verify(replayed.body, replayed.headers as Record<string, string>)).toEqual(
      dubJobEvents("job_curl")[1],
    );

    const other = await createTestWorkspace();
    await expect(getReplayCurl(other.id, delivery.id)).rejects.toBeInstanceOf(ApiError);
  });

  it("a resend of a delivery that used every attempt starts a fresh retry schedule", async () => {
    const { workspace } = await setup("/exhausted", 0, "job_exhausted");
    receiver.respond(() => ({ status: 500, body: "down" }));
    let now = Date.now() + SECOND;
    const context = { clock: () => now, random: () => 0 };
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      expect(await deliverDue(workspace.id, context)).toBe(1);
      now = Math.max(now, (await deliveryOf(workspace)).nextAttemptAt.getTime()) + 1;
    }
    expect(await deliveryOf(workspace)).toMatchObject({ status: "failed", attemptCount: MAX_ATTEMPTS });

    await resendDelivery(workspace.id, (await deliveryOf(workspace)).id, TEST_ACTOR, new Date(now));
    expect(await deliveryOf(workspace)).toMatchObject({ status: "pending", retryBase: MAX_ATTEMPTS });
    expect(await deliverDue(workspace.id, context)).toBe(1);
    const delivery = await deliveryOf(workspace);
    // Attempt 9 is the first of a new schedule: retried after 5 s (−20 %), not given up.
    expect(delivery).toMatchObject({ status: "pending", attemptCount: MAX_ATTEMPTS + 1 });
    expect(delivery.nextAttemptAt.getTime()).toBe(now + 4 * SECOND);
    expect(delivery.attempts.at(-1)).toMatchObject({ attemptNumber: MAX_ATTEMPTS + 1, statusCode: 500 });
  });
});
