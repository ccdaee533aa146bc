import { describe, expect, it } from "vitest";
import { errorEnvelopeSchema } from "@/lib/contract/errors";
import { generateWebhookSecret } from "@/lib/crypto/webhook-secret";
import { MAX_WEBHOOK_BODY_BYTES } from "@/lib/http/body-limits";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { samplePayload, T0 } from "./testing/sample-events";
import { countRows, postSigned, postToRoute, signedHeaders } from "./testing/webhook-requests";

// Every way a request is refused: the status and code, the error envelope without a stack
// trace, and not a single row written.

const nowSeconds = () => Math.floor(Date.now() / 1000);
const created = (jobId = "job_reject") => samplePayload("transcribe", "created", jobId, T0);

async function expectRefused(response: Response, status: number, code: string, workspace?: TestWorkspace) {
  const text = await response.text();
  expect(response.status).toBe(status);
  const body = errorEnvelopeSchema.parse(JSON.parse(text));
  expect(body.error.code).toBe(code);
  expect(text).not.toMatch(/\bat .*\(|node_modules|\.ts:\d+/); // no stack trace
  if (workspace) expect(await countRows(workspace.id)).toEqual({ jobs: 0, events: 0, outputs: 0 });
  return body.error.message;
}

describe("POST /api/webhooks/{workspaceId} refuses", () => {
  it("an unknown workspace with 404", async () => {
    const stranger: TestWorkspace = { id: "no_such_workspace", secret: generateWebhookSecret() };
    await expectRefused(await postSigned(stranger, created()), 404, "RESOURCE_NOT_FOUND");
    await expectRefused(await postSigned({ ...stranger, id: "x".repeat(300) }, created()), 404, "RESOURCE_NOT_FOUND");
  });

  it("missing signature headers with 401", async () => {
    const workspace = await createTestWorkspace();
    for (const header of ["webhook-id", "webhook-timestamp", "webhook-signature"]) {
      await expectRefused(
        await postSigned(workspace, created(), { headers: { [header]: null } }),
        401,
        "UNAUTHORIZED",
        workspace,
      );
    }
  });

  it("malformed headers with 401", async () => {
    const workspace = await createTestWorkspace();
    const cases: Array<Record<string, string>> = [
      { "webhook-timestamp": `${nowSeconds()}abc` },
      { "webhook-timestamp": new Date().toISOString() },
      { "webhook-timestamp": `${nowSeconds()}.0` },
      { "webhook-signature": "v1,not-base64!" },
      { "webhook-signature": "sha256=abcdef" },
      { "webhook-id": "has space" },
    ];
    for (const headers of cases) {
      expect(
        await expectRefused(await postSigned(workspace, created(), { headers }), 401, "UNAUTHORIZED", workspace),
      ).toMatch(/Malformed/);
    }
  });

  it("a wrong signature, another workspace's secret, and a tampered body with 401", async () => {
    const workspace = await createTestWorkspace();
    const other = await createTestWorkspace();
    await expectRefused(
      await postSigned(workspace, created(), { secrets: [other.secret] }),
      401,
      "UNAUTHORIZED",
      workspace,
    );
    await expectRefused(
      await postSigned(workspace, created(), {
        headers: { "webhook-signature": `v1,${Buffer.alloc(32).toString("base64")}` },
      }),
      401,
      "UNAUTHORIZED",
      workspace,
    );

    const body = JSON.stringify(samplePayload("transcribe", "transcribing", "job_t", T0));
    const headers = signedHeaders(workspace, body);
    const tampered = body.replace("transcribing", "transcribed");
    const request = new Request(`http://portal.test/api/webhooks/${workspace.id}`, {
      method: "POST",
      headers,
      body: tampered,
    });
    expect(await expectRefused(await postToRoute(request, workspace.id), 401, "UNAUTHORIZED", workspace)).toMatch(
      /does not match/,
    );
    // The same bytes re-serialised (key order, spacing) are not the bytes that were signed either.
    const reserialised = JSON.stringify(JSON.parse(body), null, 1);
    const second = new Request(`http://portal.test/api/webhooks/${workspace.id}`, {
      method: "POST",
      headers,
      body: reserialised,
    });
    await expectRefused(await postToRoute(second, workspace.id), 401, "UNAUTHORIZED", workspace);
  });

  it("a body that is not UTF-8 with 401 (it cannot be verified as received)", async () => {
    const workspace = await createTestWorkspace();
    const bytes = Buffer.concat([Buffer.from('{"event":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const headers = signedHeaders(workspace, bytes.toString("latin1"));
    const request = new Request(`http://portal.test/api/webhooks/${workspace.id}`, {
      method: "POST",
      headers,
      body: bytes,
    });
    await expectRefused(await postToRoute(request, workspace.id), 401, "UNAUTHORIZED", workspace);
  });

  it("timestamps more than 5 minutes away with 401, and accepts them within", async () => {
    const workspace = await createTestWorkspace();
    for (const offset of [-301, 301, -3600]) {
      const response = await postSigned(workspace, created(`job_ts_${offset}`), { timestamp: nowSeconds() + offset });
      expect(await expectRefused(response, 401, "UNAUTHORIZED", workspace)).toMatch(/tolerance/);
    }
    for (const offset of [-299, 299]) {
      const response = await postSigned(workspace, created(`job_ts_${offset}`), { timestamp: nowSeconds() + offset });
      expect(response.status).toBe(200);
    }
    expect((await countRows(workspace.id)).events).toBe(2);
  });

  it("a body that is not JSON with 400, after the signature", async () => {
    const workspace = await createTestWorkspace();
    await expectRefused(await postSigned(workspace, "{not json"), 400, "INVALID_REQUEST", workspace);
    await expectRefused(await postSigned(workspace, ""), 400, "INVALID_REQUEST", workspace);
    // Unsigned garbage is a 401, not a 400: nothing about the body is looked at before the signature.
    await expectRefused(
      await postSigned(workspace, "{not json", { headers: { "webhook-signature": null } }),
      401,
      "UNAUTHORIZED",
      workspace,
    );
  });

  it("a payload breaking the contract with 400 naming the field", async () => {
    const workspace = await createTestWorkspace();
    const cases: Array<[unknown, RegExp]> = [
      [{ ...created(), event: "job.completed" }, /^event: /],
      [samplePayload("transcribe", "merged", "job_x", T0), /^data\.status: /],
      [{ ...created(), timestamp: "not a date" }, /^timestamp: /],
      [{ event: "job.created", timestamp: "2025-12-07T12:00:00Z" }, /^data: /],
      [
        samplePayload("dub", "merged", "job_x", T0, { outputs: [{ url: "nope", expiresAt: "x", sizeBytes: -1 }] }),
        /^data\.outputs\.0\./,
      ],
      [samplePayload("dub", "merged", "job_x", T0, { cost: 1e12 }), /^data\.cost: /],
      [{ event: "job.archived", timestamp: "2025-12-07T12:00:00Z", data: { apiProduct: "dub" } }, /^data\.jobId: /],
      [samplePayload("dub", "failed", "job_x", T0, { reason: "nul \u0000 byte" }), /u0000/],
    ];
    for (const [payload, field] of cases) {
      expect(await expectRefused(await postSigned(workspace, payload), 400, "INVALID_REQUEST", workspace)).toMatch(
        field,
      );
    }
  });

  it("a declared Content-Length over 1 MiB with 413 before reading the body", async () => {
    const workspace = await createTestWorkspace();
    let pulled = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull() {
          pulled = true;
          throw new Error("the body must not be read");
        },
      },
      { highWaterMark: 0 },
    );
    const headers = { ...signedHeaders(workspace, "{}"), "content-length": String(MAX_WEBHOOK_BODY_BYTES + 1) };
    const request = new Request(`http://portal.test/api/webhooks/${workspace.id}`, {
      method: "POST",
      headers,
      body,
      duplex: "half",
    } as RequestInit);
    await expectRefused(await postToRoute(request, workspace.id), 413, "PAYLOAD_TOO_LARGE", workspace);
    expect(pulled).toBe(false);
  });

  it("an oversized body with 413, whether or not its length is declared, even to an unknown workspace", async () => {
    const workspace = await createTestWorkspace();
    const payload = { ...created(), padding: "x".repeat(MAX_WEBHOOK_BODY_BYTES) };
    // A whole body (the Request computes no Content-Length header itself).
    await expectRefused(await postSigned(workspace, payload), 413, "PAYLOAD_TOO_LARGE", workspace);
    // A streamed body without any length, 4 MiB in 64 KiB chunks: reading stops just past 1 MiB.
    const text = JSON.stringify({ ...created(), padding: "x".repeat(4 * MAX_WEBHOOK_BODY_BYTES) });
    const chunks = Math.ceil(text.length / 65_536);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === chunks) return controller.close();
        controller.enqueue(new TextEncoder().encode(text.slice(sent * 65_536, (sent + 1) * 65_536)));
        sent += 1;
      },
    });
    const request = new Request(`http://portal.test/api/webhooks/${workspace.id}`, {
      method: "POST",
      headers: signedHeaders(workspace, text),
      body: stream,
      duplex: "half",
    } as RequestInit);
    await expectRefused(await postToRoute(request, workspace.id), 413, "PAYLOAD_TOO_LARGE", workspace);
    expect(sent).toBeLessThanOrEqual(MAX_WEBHOOK_BODY_BYTES / 65_536 + 2);
    // Size comes first: an unknown workspace still gets 413.
    await expectRefused(
      await postSigned({ id: "no_such_workspace", secret: workspace.secret }, payload),
      413,
      "PAYLOAD_TOO_LARGE",
    );
  });

  it("accepts a body of exactly 1 MiB", async () => {
    const workspace = await createTestWorkspace();
    const base = JSON.stringify({ ...created("job_big"), padding: "" });
    const text = base.replace('"padding":""', `"padding":"${"x".repeat(MAX_WEBHOOK_BODY_BYTES - base.length)}"`);
    expect(Buffer.byteLength(text)).toBe(MAX_WEBHOOK_BODY_BYTES);
    expect((await postSigned(workspace, text)).status).toBe(200);
  });
});

describe("signatures and secret rotation", () => {
  it("accepts several signatures when one of them matches", async () => {
    const workspace = await createTestWorkspace();
    const response = await postSigned(workspace, created("job_multi"), {
      secrets: [generateWebhookSecret(), workspace.secret, generateWebhookSecret()],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, disposition: "applied" });
  });

  it("accepts the previous secret while it has not expired, alone or beside the new one", async () => {
    const previous = generateWebhookSecret();
    const workspace = await createTestWorkspace({
      previousSecret: previous,
      previousExpiresAt: new Date(Date.now() + 24 * 3600_000),
    });
    expect((await postSigned(workspace, created("job_r1"), { secrets: [previous] })).status).toBe(200);
    expect((await postSigned(workspace, created("job_r2"), { secrets: [workspace.secret, previous] })).status).toBe(
      200,
    );
    expect((await postSigned(workspace, created("job_r3"))).status).toBe(200);
    expect((await countRows(workspace.id)).events).toBe(3);
  });

  it("refuses the previous secret once it has expired", async () => {
    const previous = generateWebhookSecret();
    const workspace = await createTestWorkspace({
      previousSecret: previous,
      previousExpiresAt: new Date(Date.now() - 1000),
    });
    await expectRefused(
      await postSigned(workspace, created(), { secrets: [previous] }),
      401,
      "UNAUTHORIZED",
      workspace,
    );
    expect((await postSigned(workspace, created())).status).toBe(200);
  });

  it("picks up a rotation made after the secrets were cached, within a second", async () => {
    const { prisma } = await import("@/lib/db/client");
    const { seal } = await import("@/lib/crypto/secret-box");
    const workspace = await createTestWorkspace();
    expect((await postSigned(workspace, created("job_c1"))).status).toBe(200); // secrets now cached
    const rotated = generateWebhookSecret();
    await prisma.workspace.update({
      where: { id: workspace.id },
      data: {
        inboundSecretEnc: seal(rotated),
        previousInboundSecretEnc: seal(workspace.secret),
        previousInboundSecretExpiresAt: new Date(Date.now() + 24 * 3600_000),
      },
      select: { id: true },
    });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await postSigned(workspace, created("job_c2"), { secrets: [rotated] })).status).toBe(200);
    expect((await postSigned(workspace, created("job_c3"))).status).toBe(200); // the old one, now previous
  });
});
