import { afterAll, describe, expect, it } from "vitest";
import { generateUrlToken, generateWebhookSecret } from "@/lib/crypto/webhook-secret";
import { prisma } from "@/lib/db/client";
import { samplePayload, T0 } from "@/lib/ingest/testing/sample-events";
import { signedHeaders } from "@/lib/ingest/testing/webhook-requests";
import { TEST_ACTOR } from "@/test/fixtures/actor";
import { HMAC_PRESETS } from "./presets";
import { flushRefusals } from "./refusal-log";
import { hmacProfileSchema, verificationProfileSchema } from "./schemas";
import { createProfileWorkspace, eventsOf, hmacHeaders, post } from "./testing/profile-requests";
import { updateVerification } from "./update-verification";

// Each profile through the real webhook routes and database: what is accepted, what is refused
// (and that a refusal writes no event), dedupe with and without an event id, rotation overlap.
afterAll(async () => {
  await flushRefusals();
});

const github = HMAC_PRESETS.find((preset) => preset.id === "github")!.profile;
const stripe = HMAC_PRESETS.find((preset) => preset.id === "stripe")!.profile;
const base64Ts = hmacProfileSchema.parse({
  kind: "hmac",
  signatureHeader: "x-signature",
  encoding: "base64",
  signedContent: "timestamp_body",
  timestampHeader: "x-signature-timestamp",
});
const nowSeconds = () => Math.floor(Date.now() / 1000);
const body = (status: "created" | "transcribing" = "created", jobId = "job_p1") =>
  JSON.stringify(samplePayload("transcribe", status, jobId, T0));

async function expectStatus(response: Response, status: number, code?: string): Promise<unknown> {
  const json = await response.json();
  expect(response.status, JSON.stringify(json)).toBe(status);
  if (code) expect(json).toMatchObject({ error: { code } });
  return json;
}

describe.each([
  ["GitHub-like", github],
  ["Stripe-like", stripe],
  ["base64 with a timestamp header", base64Ts],
])("HMAC profile, %s", (_name, profile) => {
  it("accepts a valid request and refuses tampered, foreign and unsigned ones without writing", async () => {
    const secret = "vendor-shown-secret-0001";
    const workspaceId = await createProfileWorkspace(profile, secret);
    await expectStatus(await post(workspaceId, body(), hmacHeaders(profile, secret, body())), 200);
    const tampered = body().replace("job_p1", "job_p2");
    await expectStatus(await post(workspaceId, tampered, hmacHeaders(profile, secret, body())), 401, "UNAUTHORIZED");
    await expectStatus(
      await post(workspaceId, body("transcribing"), hmacHeaders(profile, "someone-elses-secret", body("transcribing"))),
      401,
    );
    await expectStatus(await post(workspaceId, body("transcribing"), { "content-type": "application/json" }), 401);
    // A Standard Webhooks request (even with the same secret as key material) is not proof under this profile.
    const standard = signedHeaders({ id: workspaceId, secret: generateWebhookSecret() }, body("transcribing"));
    await expectStatus(await post(workspaceId, body("transcribing"), standard), 401);
    expect((await eventsOf(workspaceId)).map((event) => event.status)).toEqual(["created"]);
  });
});

describe("idempotency without an event id", () => {
  it("a retry re-signed with a new signing timestamp but the same payload is one event", async () => {
    const secret = "vendor-shown-secret-0002";
    const workspaceId = await createProfileWorkspace(base64Ts, secret);
    const first = await expectStatus(
      await post(workspaceId, body(), hmacHeaders(base64Ts, secret, body(), nowSeconds() - 30)),
      200,
    );
    expect(first).toEqual({ received: true, disposition: "applied" });
    const retry = await expectStatus(
      await post(workspaceId, body(), hmacHeaders(base64Ts, secret, body(), nowSeconds())),
      200,
    );
    expect(retry).toEqual({ received: true, disposition: "already_received" });
    // The next status of the same job is another event.
    await expectStatus(
      await post(workspaceId, body("transcribing"), hmacHeaders(base64Ts, secret, body("transcribing"))),
      200,
    );
    const events = await eventsOf(workspaceId);
    expect(events.map((event) => event.status)).toEqual(["created", "transcribing"]);
    expect(events.every((event) => event.webhookId.startsWith("payload_"))).toBe(true);
  });

  it("uses the profile's id header when the sender sends it", async () => {
    const profile = { ...github, idHeader: "x-delivery-id" };
    const secret = "vendor-shown-secret-0003";
    const workspaceId = await createProfileWorkspace(profile, secret);
    const headers = { ...hmacHeaders(profile, secret, body()), "x-delivery-id": "dlv_1" };
    await expectStatus(await post(workspaceId, body(), headers), 200);
    expect(await expectStatus(await post(workspaceId, body(), headers), 200)).toMatchObject({
      disposition: "already_received",
    });
    expect(await eventsOf(workspaceId)).toEqual([{ webhookId: "dlv_1", status: "created" }]);
  });
});

describe("secret URL token", () => {
  it("accepts only the token's URL, and neither the plain URL nor another token", async () => {
    const token = generateUrlToken();
    const workspaceId = await createProfileWorkspace(verificationProfileSchema.parse({ kind: "url_token" }), token);
    const json = { "content-type": "application/json" };
    await expectStatus(await post(workspaceId, body(), json, token), 200);
    expect(await expectStatus(await post(workspaceId, body(), json, token), 200)).toMatchObject({
      disposition: "already_received",
    });
    await expectStatus(await post(workspaceId, body("transcribing"), json), 401, "UNAUTHORIZED");
    await expectStatus(await post(workspaceId, body("transcribing"), json, generateUrlToken()), 401, "UNAUTHORIZED");
    await expectStatus(await post(workspaceId, body("transcribing"), json, token.slice(1)), 401, "UNAUTHORIZED");
    await expectStatus(await post("no_such_workspace", body(), json, token), 404, "RESOURCE_NOT_FOUND");
    expect((await eventsOf(workspaceId)).length).toBe(1);
  });

  it("refuses a token on the URL of a workspace that verifies signatures", async () => {
    const secret = generateWebhookSecret();
    const workspaceId = await createProfileWorkspace({ kind: "standard_webhooks" }, secret);
    const headers = signedHeaders({ id: workspaceId, secret }, body());
    await expectStatus(await post(workspaceId, body(), headers, "anything"), 401);
    await expectStatus(await post(workspaceId, body(), headers), 200);
  });
});

describe("rotation overlap and profile changes", () => {
  it("a pasted secret keeps the one it replaces working for 24 hours, then not", async () => {
    const first = "vendor-secret-before-rotation";
    const second = "vendor-secret-after-rotation";
    const workspaceId = await createProfileWorkspace(github, first);
    await updateVerification(workspaceId, { profile: github, secret: second }, TEST_ACTOR);
    await expectStatus(await post(workspaceId, body(), hmacHeaders(github, first, body())), 200);
    await expectStatus(
      await post(workspaceId, body("transcribing"), hmacHeaders(github, second, body("transcribing"))),
      200,
    );
    await prisma.workspace.update({
      where: { id: workspaceId },
      data: { previousInboundSecretExpiresAt: new Date(Date.now() - 1) },
      select: { id: true },
    });
    await updateVerification(workspaceId, { profile: github }, TEST_ACTOR); // same profile: drops the cached entry, keeps the secrets
    const next = body("transcribing", "job_p9");
    await expectStatus(await post(workspaceId, next, hmacHeaders(github, first, next)), 401);
    await expectStatus(await post(workspaceId, next, hmacHeaders(github, second, next)), 200);
  });

  it("a profile change takes effect at once, and nothing made for the old profile verifies under the new one", async () => {
    const secret = generateWebhookSecret();
    const workspaceId = await createProfileWorkspace({ kind: "standard_webhooks" }, secret);
    await expectStatus(await post(workspaceId, body(), signedHeaders({ id: workspaceId, secret }, body())), 200); // now cached
    await updateVerification(workspaceId, { profile: github, secret: "vendor-secret-for-github" }, TEST_ACTOR);
    const next = body("transcribing");
    await expectStatus(await post(workspaceId, next, signedHeaders({ id: workspaceId, secret }, next)), 401);
    await expectStatus(await post(workspaceId, next, hmacHeaders(github, secret, next)), 401); // the old secret is not kept as previous
    await expectStatus(await post(workspaceId, next, hmacHeaders(github, "vendor-secret-for-github", next)), 200);
  });
});
