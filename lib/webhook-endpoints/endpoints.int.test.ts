import { beforeAll, describe, expect, it } from "vitest";
import { PREVIOUS_SECRET_GRACE_MS } from "@/lib/crypto/replace-secret";
import { open } from "@/lib/crypto/secret-box";
import { prisma } from "@/lib/db/client";
import { applyRuntimeEnv } from "@/lib/env";
import { TEST_ACTOR } from "@/test/fixtures/actor";
import { createWorkspaceWithApiKey } from "@/test/v1-fixtures";
import { createEndpoint } from "./create-endpoint";
import { deleteEndpoint } from "./delete-endpoint";
import { enableEndpoint } from "./enable-endpoint";
import { maxEndpointsPerWorkspace } from "./endpoint-limit";
import { getEndpoint } from "./get-endpoint";
import { listEndpoints } from "./list-endpoints";
import { revealEndpointSecret } from "./reveal-endpoint-secret";
import { rotateEndpointSecret } from "./rotate-endpoint-secret";
import { createEndpointSchema } from "./schemas";
import { updateEndpoint } from "./update-endpoint";

// A public address literal: no DNS lookup, and never called (no worker runs here).
const URL_OK = "https://1.1.1.1/hooks/jobs";
const input = (overrides: Record<string, unknown> = {}) =>
  createEndpointSchema.parse({
    url: URL_OK,
    description: " Billing service ",
    eventTypes: ["job.completed", "job.created"],
    ...overrides,
  });

/** The row as stored, sealed columns included. */
// Secret columns are omitted by default; this test reads them on purpose.
const readRow = (endpointId: string) =>
  prisma.webhookEndpoint.findUniqueOrThrow({
    where: { id: endpointId },
    omit: { secretEnc: false, previousSecretEnc: false },
  });

beforeAll(() => {
  // Production's rule: private and loopback addresses and plain http are refused.
  applyRuntimeEnv({ ALLOW_PRIVATE_WEBHOOK_URLS: "0" });
});

describe("webhook endpoints", () => {
  it("creates an endpoint with a sealed whsec_ secret that no listing returns", async () => {
    const { workspaceId } = await createWorkspaceWithApiKey();
    const endpoint = await createEndpoint(workspaceId, input(), TEST_ACTOR);
    expect(endpoint).toMatchObject({
      url: URL_OK,
      description: "Billing service",
      eventTypes: ["job.created", "job.completed"],
      enabled: true,
      disabledReason: null,
      previousSecretExpiresAt: null,
      stats: { succeeded: 0, failing: 0, inFlight: 0, successRate: null },
    });

    const row = await readRow(endpoint.id);
    expect(row.secretEnc).not.toContain("whsec_");
    const { secret } = await revealEndpointSecret(workspaceId, endpoint.id, TEST_ACTOR);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    expect(open(row.secretEnc)).toBe(secret);

    const listed = JSON.stringify([await listEndpoints(workspaceId), await getEndpoint(workspaceId, endpoint.id)]);
    expect(listed).not.toContain(secret);
    expect(listed).not.toContain(row.secretEnc);
    expect(listed).not.toContain("secretEnc");
  });

  it("scopes every operation to the workspace: another workspace's endpoint is not found", async () => {
    const mine = await createWorkspaceWithApiKey();
    const theirs = await createWorkspaceWithApiKey();
    const endpoint = await createEndpoint(theirs.workspaceId, input(), TEST_ACTOR);
    const notFound = { code: "RESOURCE_NOT_FOUND", status: 404 };

    expect(await listEndpoints(mine.workspaceId)).toEqual([]);
    await expect(getEndpoint(mine.workspaceId, endpoint.id)).rejects.toMatchObject(notFound);
    await expect(
      updateEndpoint(mine.workspaceId, endpoint.id, { description: "mine now" }, TEST_ACTOR),
    ).rejects.toMatchObject(notFound);
    await expect(revealEndpointSecret(mine.workspaceId, endpoint.id, TEST_ACTOR)).rejects.toMatchObject(notFound);
    await expect(rotateEndpointSecret(mine.workspaceId, endpoint.id, TEST_ACTOR)).rejects.toMatchObject(notFound);
    await expect(enableEndpoint(mine.workspaceId, endpoint.id, TEST_ACTOR)).rejects.toMatchObject(notFound);
    await expect(deleteEndpoint(mine.workspaceId, endpoint.id, TEST_ACTOR)).rejects.toMatchObject(notFound);

    // Untouched in its own workspace.
    const row = await readRow(endpoint.id);
    expect(row).toMatchObject({ description: "Billing service", previousSecretEnc: null });
    expect((await listEndpoints(theirs.workspaceId)).map((e) => e.id)).toEqual([endpoint.id]);
  });

  it("updates only the fields given, and deletes", async () => {
    const { workspaceId } = await createWorkspaceWithApiKey();
    const endpoint = await createEndpoint(workspaceId, input(), TEST_ACTOR);
    const updated = await updateEndpoint(
      workspaceId,
      endpoint.id,
      { eventTypes: ["job.failed"], description: null },
      TEST_ACTOR,
    );
    expect(updated).toMatchObject({ url: URL_OK, description: null, eventTypes: ["job.failed"], enabled: true });

    const off = await updateEndpoint(workspaceId, endpoint.id, { enabled: false }, TEST_ACTOR);
    expect(off).toMatchObject({ enabled: false, disabledReason: null });
    expect(off.disabledAt).not.toBeNull();

    await deleteEndpoint(workspaceId, endpoint.id, TEST_ACTOR);
    expect(await listEndpoints(workspaceId)).toEqual([]);
    await expect(deleteEndpoint(workspaceId, endpoint.id, TEST_ACTOR)).rejects.toMatchObject({
      code: "RESOURCE_NOT_FOUND",
    });
  });

  it("re-enabling clears the automatic disable and the failure run", async () => {
    const { workspaceId } = await createWorkspaceWithApiKey();
    const endpoint = await createEndpoint(workspaceId, input(), TEST_ACTOR);
    const failingSince = new Date(Date.now() - 5 * 86_400_000);
    await prisma.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { enabled: false, disabledReason: "Failing for 5 days", disabledAt: new Date(), failingSince },
    });
    expect(await getEndpoint(workspaceId, endpoint.id)).toMatchObject({
      enabled: false,
      disabledReason: "Failing for 5 days",
    });

    const enabled = await enableEndpoint(workspaceId, endpoint.id, TEST_ACTOR);
    expect(enabled).toMatchObject({ enabled: true, disabledReason: null, disabledAt: null, failingSince: null });
  });

  it("rotation keeps the previous secret for 24 hours, sealed", async () => {
    const { workspaceId } = await createWorkspaceWithApiKey();
    const endpoint = await createEndpoint(workspaceId, input(), TEST_ACTOR);
    const { secret: before } = await revealEndpointSecret(workspaceId, endpoint.id, TEST_ACTOR);
    const now = new Date();

    const rotated = await rotateEndpointSecret(workspaceId, endpoint.id, TEST_ACTOR, now);
    const expiresAt = new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS);
    expect(rotated).toEqual({ previousSecretExpiresAt: expiresAt.toISOString() });

    const row = await readRow(endpoint.id);
    const { secret: after } = await revealEndpointSecret(workspaceId, endpoint.id, TEST_ACTOR);
    expect(after).toMatch(/^whsec_/);
    expect(after).not.toBe(before);
    expect(row.previousSecretEnc).not.toContain("whsec_");
    expect(open(row.previousSecretEnc ?? "")).toBe(before);
    expect(row.previousSecretExpiresAt?.toISOString()).toBe(expiresAt.toISOString());
    expect((await getEndpoint(workspaceId, endpoint.id)).previousSecretExpiresAt).toBe(expiresAt.toISOString());
  });

  it(`refuses more than the workspace's limit of endpoints (MAX_ENDPOINTS_PER_WORKSPACE, default 20), even when added at once`, async () => {
    const max = maxEndpointsPerWorkspace();
    const { workspaceId } = await createWorkspaceWithApiKey();
    const other = await createWorkspaceWithApiKey();
    await createEndpoint(other.workspaceId, input(), TEST_ACTOR);
    const results = await Promise.allSettled(
      Array.from({ length: max + 5 }, () => createEndpoint(workspaceId, input(), TEST_ACTOR)),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(max);
    const refused = results
      .filter((result): result is PromiseRejectedResult => result.status === "rejected")
      .map((result) => result.reason);
    expect(refused).toHaveLength(5);
    for (const error of refused) {
      expect(error).toMatchObject({
        code: "CONFLICT",
        status: 409,
        message: `A workspace can have at most ${max} webhook endpoints. Delete one you no longer use to add another.`,
      });
    }
    expect(await prisma.webhookEndpoint.count({ where: { workspaceId } })).toBe(max);

    // A deleted one makes room again; the other workspace's endpoint never counted.
    await deleteEndpoint(workspaceId, (await listEndpoints(workspaceId))[0].id, TEST_ACTOR);
    await createEndpoint(workspaceId, input(), TEST_ACTOR);
    await expect(createEndpoint(workspaceId, input(), TEST_ACTOR)).rejects.toMatchObject({ status: 409 });
  });

  it("refuses a private, loopback or plain-http URL at save time and saves nothing", async () => {
    const { workspaceId } = await createWorkspaceWithApiKey();
    for (const url of ["https://127.0.0.1/hook", "https://10.1.2.3/hook", "http://1.1.1.1/hook"]) {
      const refused = await createEndpoint(workspaceId, input({ url }), TEST_ACTOR).catch((error: unknown) => error);
      expect(refused, url).toMatchObject({ code: "INVALID_REQUEST", status: 400 });
      expect((refused as Error).message, url).toMatch(/^url: .+/);
    }
    expect(await prisma.webhookEndpoint.count({ where: { workspaceId } })).toBe(0);

    const endpoint = await createEndpoint(workspaceId, input(), TEST_ACTOR);
    await expect(
      updateEndpoint(workspaceId, endpoint.id, { url: "https://192.168.0.10/hook" }, TEST_ACTOR),
    ).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    expect((await readRow(endpoint.id)).url).toBe(URL_OK);
  });
});
