import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret } from "@/lib/crypto/webhook-secret";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { sendTestEvent } from "./send-test-event";
import { createTestEndpoint } from "./testing/create-test-endpoint";
import { receiverForThisFile } from "./testing/start-receiver";

// "Send test event": synchronous, signed, through the same sender and guard, and no trace in the log.
const receiver = receiverForThisFile();

const PRIVATE_OK = { policy: { allowPrivate: true } };

describe("sendTestEvent", () => {
  it("sends a signed sample job.completed, clearly a test, and reports the answer", async () => {
    const workspace = await createTestWorkspace();
    const previous = generateWebhookSecret();
    const endpoint = await createTestEndpoint(workspace.id, receiver.url("/test-event"), {
      previousSecret: previous,
      previousSecretExpiresAt: new Date(Date.now() + 60_000),
    });
    receiver.respond(() => ({ status: 200, body: '{"received":true}' }));

    const result = await sendTestEvent(workspace.id, endpoint.id, undefined, PRIVATE_OK);
    expect(result).toMatchObject({ statusCode: 200, responseExcerpt: '{"received":true}', error: null });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);

    const request = receiver.requests.at(-1)!;
    const headers = request.headers as Record<string, string>;
    const payload = new Webhook(endpoint.secret).verify(request.body, headers) as {
      event: string;
      data: { jobId: string; outputs: unknown[] };
    };
    expect(() => new Webhook(previous).verify(request.body, headers)).not.toThrow();
    expect(payload.event).toBe("job.completed");
    expect(payload.data.jobId).toMatch(/^job_test_/);
    expect(payload.data.outputs).toHaveLength(1);
    expect(headers["webhook-id"]).toMatch(/^msg_test_/);
    expect(await prisma.webhookDelivery.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("reports a failing endpoint, and leaves its health alone", async () => {
    const workspace = await createTestWorkspace();
    const endpoint = await createTestEndpoint(workspace.id, receiver.url("/test-fail"));
    receiver.respond(() => ({ status: 500, body: "nope" }));
    expect(await sendTestEvent(workspace.id, endpoint.id, undefined, PRIVATE_OK)).toMatchObject({
      statusCode: 500,
      responseExcerpt: "nope",
      error: "HTTP 500",
    });
    expect((await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince).toBeNull();
    receiver.respond(() => ({ status: 200 }));
  });

  it("refuses a private URL through the SSRF guard when private URLs are not allowed", async () => {
    const workspace = await createTestWorkspace();
    const endpoint = await createTestEndpoint(workspace.id, receiver.url("/test-private"));
    const result = await sendTestEvent(workspace.id, endpoint.id, undefined, { policy: { allowPrivate: false } });
    expect(result).toMatchObject({ statusCode: null, error: expect.stringMatching(/^Refused: /) });
    expect(receiver.requests.filter((r) => r.path === "/test-private")).toHaveLength(0);
  });

  it("treats another workspace's endpoint as not found", async () => {
    const [mine, theirs] = [await createTestWorkspace(), await createTestWorkspace()];
    const endpoint = await createTestEndpoint(theirs.id, receiver.url("/test-theirs"));
    const error = await sendTestEvent(mine.id, endpoint.id, undefined, PRIVATE_OK).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: "RESOURCE_NOT_FOUND", status: 404 });
  });
});
