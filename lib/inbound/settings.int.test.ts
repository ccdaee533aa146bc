import { afterAll, describe, expect, it } from "vitest";
import { open } from "@/lib/crypto/secret-box";
import { generateWebhookSecret } from "@/lib/crypto/webhook-secret";
import { prisma } from "@/lib/db/client";
import { samplePayload, T0 } from "@/lib/ingest/testing/sample-events";
import { signedHeaders } from "@/lib/ingest/testing/webhook-requests";
import { rotateInboundSecret } from "@/lib/workspaces/rotate-inbound-secret";
import { TEST_ACTOR } from "@/test/fixtures/actor";
import { getInboundWebhook } from "./get-inbound-webhook";
import { HMAC_PRESETS } from "./presets";
import { flushRefusals } from "./refusal-log";
import { hmacProfileSchema, verificationProfileSchema } from "./schemas";
import { testInboundRequest } from "./test-inbound-request";
import { createProfileWorkspace, hmacHeaders } from "./testing/profile-requests";
import { updateVerification } from "./update-verification";

// Settings → Inbound webhook: changing the profile, pasting and rotating secrets, and the tester.
afterAll(async () => {
  await flushRefusals();
});

const github = HMAC_PRESETS.find((preset) => preset.id === "github")!.profile;
const urlToken = verificationProfileSchema.parse({ kind: "url_token" });
const ORIGIN = "https://portal.example";

function readRow(workspaceId: string) {
  return prisma.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: {
      inboundSecretEnc: true,
      previousInboundSecretEnc: true,
      previousInboundSecretExpiresAt: true,
      inboundVerification: true,
      inboundVerificationConfig: true,
    },
  });
}

describe("updateVerification", () => {
  it("switching to HMAC keeps the secret as the key but no previous secret", async () => {
    const secret = generateWebhookSecret();
    const workspaceId = await createProfileWorkspace({ kind: "standard_webhooks" }, secret);
    await rotateInboundSecret(workspaceId, TEST_ACTOR);
    const rotated = open((await readRow(workspaceId)).inboundSecretEnc);
    await updateVerification(workspaceId, { profile: github }, TEST_ACTOR);
    const row = await readRow(workspaceId);
    expect(row).toMatchObject({
      inboundVerification: "hmac",
      previousInboundSecretEnc: null,
      previousInboundSecretExpiresAt: null,
    });
    expect(open(row.inboundSecretEnc)).toBe(rotated);
    expect(row.inboundVerificationConfig).toMatchObject({ signatureHeader: "x-hub-signature-256", prefix: "sha256=" });
    expect(row.inboundVerificationConfig).not.toHaveProperty("kind");
    expect(await getInboundWebhook(workspaceId, ORIGIN)).toEqual({
      profile: github,
      webhookUrl: `${ORIGIN}/api/webhooks/${workspaceId}`,
      previousSecretExpiresAt: null,
    });
  });

  it("a pasted secret under the same profile keeps the old one for 24 hours", async () => {
    const workspaceId = await createProfileWorkspace(github, "vendor-secret-one");
    await updateVerification(
      workspaceId,
      { profile: { ...github, signatureHeader: "x-signature" }, secret: "vendor-secret-two" },
      TEST_ACTOR,
    );
    const row = await readRow(workspaceId);
    expect(open(row.inboundSecretEnc)).toBe("vendor-secret-two");
    expect(open(row.previousInboundSecretEnc ?? "")).toBe("vendor-secret-one");
    expect(row.previousInboundSecretExpiresAt!.getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    expect((await getInboundWebhook(workspaceId, ORIGIN)).previousSecretExpiresAt).toBe(
      row.previousInboundSecretExpiresAt!.toISOString(),
    );
  });

  it("a URL token is generated on the way in and a whsec_ secret on the way out", async () => {
    const workspaceId = await createProfileWorkspace(github, "vendor-secret-one");
    await updateVerification(workspaceId, { profile: urlToken }, TEST_ACTOR);
    const token = open((await readRow(workspaceId)).inboundSecretEnc);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await getInboundWebhook(workspaceId, ORIGIN)).webhookUrl).toBe(
      `${ORIGIN}/api/webhooks/${workspaceId}/{token}`,
    );
    await rotateInboundSecret(workspaceId, TEST_ACTOR);
    const rotated = await readRow(workspaceId);
    expect(open(rotated.inboundSecretEnc)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(open(rotated.previousInboundSecretEnc ?? "")).toBe(token);

    await updateVerification(workspaceId, { profile: { kind: "standard_webhooks" } }, TEST_ACTOR);
    const back = await readRow(workspaceId);
    expect(open(back.inboundSecretEnc)).toMatch(/^whsec_/);
    expect(back.previousInboundSecretEnc).toBeNull();
  });

  it("refuses a secret the profile cannot use, pasted or kept, and changes nothing", async () => {
    const workspaceId = await createProfileWorkspace(github, "plain text secret!".replace(/ /g, "-"));
    await expect(
      updateVerification(workspaceId, { profile: { kind: "standard_webhooks" } }, TEST_ACTOR),
    ).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      message: expect.stringMatching(/^secret: The current secret cannot be used here/),
    });
    await expect(
      updateVerification(
        workspaceId,
        { profile: hmacProfileSchema.parse({ ...github, secretEncoding: "base64" }) },
        TEST_ACTOR,
      ),
    ).rejects.toMatchObject({
      code: "INVALID_REQUEST",
    });
    expect((await readRow(workspaceId)).inboundVerification).toBe("hmac");
  });
});

describe("testInboundRequest", () => {
  const body = JSON.stringify(samplePayload("dub", "created", "job_tester", T0));
  const headerText = (headers: Record<string, string>, requestLine = "POST /api/webhooks/x HTTP/1.1") =>
    [requestLine, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)].join("\n");

  it("says a good request would be accepted, how it would be deduplicated, and stores nothing", async () => {
    const workspaceId = await createProfileWorkspace(github, "vendor-secret-tester");
    const result = await testInboundRequest(workspaceId, {
      headers: headerText(hmacHeaders(github, "vendor-secret-tester", body)),
      body,
    });
    expect(result).toMatchObject({
      accepted: true,
      refusal: null,
      matchedSecret: "current",
      dedupe: { source: "payload", key: expect.stringMatching(/^payload_/) },
      event: { event: "job.created", jobId: "job_tester", status: "created" },
    });
    expect(await prisma.jobEvent.count({ where: { workspaceId } })).toBe(0);
    await flushRefusals();
    expect(await prisma.inboundRefusal.count({ where: { workspaceId } })).toBe(0);
  });

  it("shows a mismatch's full signed string, and whether a stale request's signature holds", async () => {
    const secret = generateWebhookSecret();
    const workspaceId = await createProfileWorkspace({ kind: "standard_webhooks" }, secret);
    const wrong = await testInboundRequest(workspaceId, {
      headers: headerText(signedHeaders({ id: workspaceId, secret: generateWebhookSecret() }, body, { id: "msg_t" })),
      body,
    });
    expect(wrong.refusal?.reason).toBe("signature_mismatch");
    expect(wrong.signature?.signingString).toMatch(
      new RegExp(`^msg_t\\.\\d+\\.${body.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`),
    );

    const staleHeaders = signedHeaders({ id: workspaceId, secret }, body, {
      timestamp: Math.floor(Date.now() / 1000) - 7200,
    });
    const stale = await testInboundRequest(workspaceId, { headers: headerText(staleHeaders), body });
    expect(stale).toMatchObject({
      accepted: false,
      refusal: { reason: "timestamp_outside_tolerance" },
      signatureMatchesIgnoringTime: true,
    });
    const staleAndWrong = await testInboundRequest(workspaceId, {
      headers: headerText(staleHeaders),
      body: `${body} `,
    });
    expect(staleAndWrong).toMatchObject({
      refusal: { reason: "timestamp_outside_tolerance" },
      signatureMatchesIgnoringTime: false,
    });
  });

  it("reads a URL token from the request line and checks the payload against the contract", async () => {
    const workspaceId = await createProfileWorkspace(github, "x-not-used-x");
    await updateVerification(workspaceId, { profile: urlToken }, TEST_ACTOR);
    const token = open((await readRow(workspaceId)).inboundSecretEnc);
    const ok = await testInboundRequest(workspaceId, {
      headers: `POST /api/webhooks/${workspaceId}/${token} HTTP/1.1\nContent-Type: application/json`,
      body,
    });
    expect(ok.accepted).toBe(true);
    const noToken = await testInboundRequest(workspaceId, { headers: "Content-Type: application/json", body });
    expect(noToken.refusal?.reason).toBe("missing_token");
    const badPayload = await testInboundRequest(workspaceId, {
      headers: `POST /api/webhooks/${workspaceId}/${token}`,
      body: '{"event":"job.created"}',
    });
    expect(badPayload.refusal).toMatchObject({
      reason: "contract_field",
      httpStatus: 400,
      message: expect.stringMatching(/^timestamp: |^data: /),
    });
  });
});
