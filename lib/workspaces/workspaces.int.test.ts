import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { PREVIOUS_SECRET_GRACE_MS } from "@/lib/crypto/replace-secret";
import { open } from "@/lib/crypto/secret-box";
import { prisma } from "@/lib/db/client";
import { setJobsApiBaseUrls } from "@/lib/upstream/testing/allow-base-urls";
import { openUpstreamKey } from "@/lib/upstream/upstream-key";
import { TEST_ACTOR } from "@/test/fixtures/actor";
import { createWorkspace } from "./create-workspace";
import { getConnection } from "./get-connection";
import { getInboundSecret } from "./get-inbound-secret";
import { rotateInboundSecret } from "./rotate-inbound-secret";
import { updateConnection } from "./update-connection";

const ORIGIN = "https://portal.example";

async function newWorkspace() {
  const user = await prisma.user.create({ data: { email: `${randomUUID()}@example.com` }, select: { id: true } });
  const workspace = await createWorkspace(prisma, {
    name: "Acme",
    owner: { userId: user.id, email: "owner@example.com" },
  });
  return { userId: user.id, workspaceId: workspace.id };
}

/** The row as stored, secret columns included (the client omits them by default). */
function readRow(workspaceId: string) {
  return prisma.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    omit: { upstreamApiKeyEnc: false, inboundSecretEnc: false, previousInboundSecretEnc: false },
  });
}

describe("createWorkspace", () => {
  it("creates the workspace with a sealed whsec_ secret and its creator as owner", async () => {
    const { userId, workspaceId } = await newWorkspace();
    const row = await readRow(workspaceId);
    expect(row.inboundSecretEnc).not.toContain("whsec_");
    expect(open(row.inboundSecretEnc)).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    expect(row).toMatchObject({
      name: "Acme",
      upstreamBaseUrl: null,
      upstreamApiKeyEnc: null,
      previousInboundSecretEnc: null,
    });
    const memberships = await prisma.membership.findMany({
      where: { workspaceId },
      select: { userId: true, role: true },
    });
    expect(memberships).toEqual([{ userId, role: "owner" }]);
  });
});

describe("rotateInboundSecret", () => {
  it("makes a new current secret and keeps the old one as previous for 24 hours", async () => {
    const { workspaceId } = await newWorkspace();
    const { secret: before } = await getInboundSecret(workspaceId, TEST_ACTOR);
    const now = new Date("2026-11-28T12:00:00.000Z");

    const rotated = await rotateInboundSecret(workspaceId, TEST_ACTOR, now);
    const expiresAt = new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS);
    expect(rotated.previousSecretExpiresAt).toBe(expiresAt.toISOString());
    const row = await readRow(workspaceId);
    const after = open(row.inboundSecretEnc);
    expect(after).toMatch(/^whsec_/);
    expect(after).not.toBe(before);
    expect(open(row.previousInboundSecretEnc ?? "")).toBe(before);
    expect(row.previousInboundSecretExpiresAt?.toISOString()).toBe(expiresAt.toISOString());
    expect((await getInboundSecret(workspaceId, TEST_ACTOR)).secret).toBe(after);
  });

  it("queues simultaneous rotations so each previous secret was once current", async () => {
    const { workspaceId } = await newWorkspace();
    const { secret: original } = await getInboundSecret(workspaceId, TEST_ACTOR);
    await Promise.all([rotateInboundSecret(workspaceId, TEST_ACTOR), rotateInboundSecret(workspaceId, TEST_ACTOR)]);
    const row = await readRow(workspaceId);
    const previous = open(row.previousInboundSecretEnc ?? "");
    expect(previous).not.toBe(original);
    expect(previous).not.toBe(open(row.inboundSecretEnc));
  });

  it("is not found for an unknown workspace", async () => {
    await expect(rotateInboundSecret("no-such-workspace", TEST_ACTOR)).rejects.toMatchObject({
      code: "RESOURCE_NOT_FOUND",
    });
  });
});

describe("updateConnection and getConnection", () => {
  beforeAll(() => setJobsApiBaseUrls("https://api.example.com", "https://eu.api.example.com", "https://mine.example"));

  it("stores the key sealed with its base URL, never returns it, and keeps it when none is given for the same URL", async () => {
    const { workspaceId } = await newWorkspace();
    const apiKey = `sk_test_${randomUUID()}`;
    await updateConnection(workspaceId, { baseUrl: "https://api.example.com", apiKey }, TEST_ACTOR);

    const row = await readRow(workspaceId);
    expect(row.upstreamApiKeyEnc).not.toContain(apiKey);
    expect(openUpstreamKey(row.upstreamApiKeyEnc ?? "", "https://api.example.com")).toBe(apiKey);
    expect(openUpstreamKey(row.upstreamApiKeyEnc ?? "", "https://eu.api.example.com")).toBeNull();

    const view = await getConnection(workspaceId, ORIGIN);
    expect(view).toEqual({
      workspaceId,
      upstreamBaseUrl: "https://api.example.com",
      upstreamApiKeySet: true,
      upstreamStatus: "connected",
      allowedBaseUrls: ["https://api.example.com", "https://eu.api.example.com", "https://mine.example"],
      inboundWebhookUrl: `${ORIGIN}/api/webhooks/${workspaceId}`,
      previousInboundSecretExpiresAt: null,
    });
    expect(JSON.stringify(view)).not.toContain(apiKey);
    expect(JSON.stringify(view)).not.toContain(row.upstreamApiKeyEnc);

    await updateConnection(workspaceId, { baseUrl: "https://api.example.com" }, TEST_ACTOR);
    expect(openUpstreamKey((await readRow(workspaceId)).upstreamApiKeyEnc ?? "", "https://api.example.com")).toBe(
      apiKey,
    );
  });

  it("refuses a new base URL without a new key, and changes nothing", async () => {
    const { workspaceId } = await newWorkspace();
    await updateConnection(workspaceId, { baseUrl: "https://api.example.com", apiKey: "sk_first" }, TEST_ACTOR);
    const before = await readRow(workspaceId);
    await expect(
      updateConnection(workspaceId, { baseUrl: "https://eu.api.example.com" }, TEST_ACTOR),
    ).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      status: 400,
      message: "apiKey: Enter the API key again: a key is only sent to the base URL it was entered for",
    });
    expect(await readRow(workspaceId)).toEqual(before);

    await updateConnection(workspaceId, { baseUrl: "https://eu.api.example.com", apiKey: "sk_second" }, TEST_ACTOR);
    const after = await readRow(workspaceId);
    expect(after.upstreamBaseUrl).toBe("https://eu.api.example.com");
    expect(openUpstreamKey(after.upstreamApiKeyEnc ?? "", "https://eu.api.example.com")).toBe("sk_second");
  });

  it("lets a workspace without a key choose its base URL first", async () => {
    const { workspaceId } = await newWorkspace();
    await updateConnection(workspaceId, { baseUrl: "https://api.example.com" }, TEST_ACTOR);
    await updateConnection(workspaceId, { baseUrl: "https://eu.api.example.com" }, TEST_ACTOR);
    expect(await getConnection(workspaceId, ORIGIN)).toMatchObject({
      upstreamBaseUrl: "https://eu.api.example.com",
      upstreamApiKeySet: false,
      upstreamStatus: "not_configured",
    });
  });

  it("says when the saved base URL is no longer allowed, or its key was entered for another one", async () => {
    const { workspaceId } = await newWorkspace();
    await updateConnection(workspaceId, { baseUrl: "https://mine.example", apiKey: "sk_mine" }, TEST_ACTOR);
    setJobsApiBaseUrls("https://api.example.com", "https://eu.api.example.com");
    try {
      expect(await getConnection(workspaceId, ORIGIN)).toMatchObject({
        upstreamBaseUrl: "https://mine.example",
        upstreamStatus: "base_url_not_allowed",
      });
    } finally {
      setJobsApiBaseUrls("https://api.example.com", "https://eu.api.example.com", "https://mine.example");
    }
    // A path other than Settings moving the URL: the key stays with the URL it was entered for.
    await prisma.workspace.update({ where: { id: workspaceId }, data: { upstreamBaseUrl: "https://api.example.com" } });
    expect((await getConnection(workspaceId, ORIGIN)).upstreamStatus).toBe("key_not_for_base_url");
  });

  it("shows the previous secret's expiry only while it is in the future", async () => {
    const { workspaceId } = await newWorkspace();
    const { previousSecretExpiresAt } = await rotateInboundSecret(workspaceId, TEST_ACTOR);
    expect((await getConnection(workspaceId, ORIGIN)).previousInboundSecretExpiresAt).toBe(previousSecretExpiresAt);
    const later = new Date(Date.parse(previousSecretExpiresAt) + 1);
    expect((await getConnection(workspaceId, ORIGIN, later)).previousInboundSecretExpiresAt).toBeNull();
  });

  it("touches only the workspace it is given", async () => {
    const mine = await newWorkspace();
    const other = await newWorkspace();
    await updateConnection(mine.workspaceId, { baseUrl: "https://mine.example", apiKey: "k1" }, TEST_ACTOR);
    expect((await readRow(other.workspaceId)).upstreamBaseUrl).toBeNull();
    await expect(
      updateConnection("no-such-workspace", { baseUrl: "https://mine.example" }, TEST_ACTOR),
    ).rejects.toMatchObject({ code: "RESOURCE_NOT_FOUND" });
  });
});
