import { describe, expect, it } from "vitest";
import { GET as listJobsRoute } from "@/app/v1/jobs/route";
import { API_KEY_PREFIX, hashApiKey } from "@/lib/crypto/api-key";
import { prisma } from "@/lib/db/client";
import { withApiKeyRoute } from "@/lib/route/with-api-key-route";
import { bearer, callRoute, createWorkspaceWithApiKey } from "@/test/v1-fixtures";
import { authenticateApiKey, LAST_USED_RESOLUTION_MS } from "./authenticate-api-key";
import { createApiKey } from "./create-api-key";
import { listApiKeys } from "./list-api-keys";
import { revokeApiKey } from "./revoke-api-key";
import { createApiKeySchema } from "./schemas";

describe("portal API keys", () => {
  it("stores only a hash: no column holds the key or its secret part", async () => {
    const { workspaceId, creator } = await createWorkspaceWithApiKey();
    const { key, apiKey } = await createApiKey(
      workspaceId,
      createApiKeySchema.parse({ name: "  CI deploys  " }),
      creator,
    );
    expect(key.startsWith(API_KEY_PREFIX)).toBe(true);
    expect(apiKey).toMatchObject({
      name: "CI deploys",
      prefix: key.slice(0, API_KEY_PREFIX.length + 6),
      lastUsedAt: null,
      revokedAt: null,
    });
    const secret = key.slice(API_KEY_PREFIX.length);
    const rows = await prisma.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "ApiKey" WHERE id = ${apiKey.id}`;
    expect(rows).toHaveLength(1);
    expect(rows[0].hashedKey).toBe(hashApiKey(key));
    const stored = JSON.stringify(rows[0]);
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(secret.slice(6));
  });

  it("lists the workspace's keys newest first, without hashes, and no other workspace's", async () => {
    const { workspaceId, apiKeyId, creator } = await createWorkspaceWithApiKey();
    const other = await createWorkspaceWithApiKey();
    const second = await createApiKey(workspaceId, { name: "second" }, creator);
    const keys = await listApiKeys(workspaceId);
    expect(keys.map((k) => k.id)).toEqual([second.apiKey.id, apiKeyId]);
    expect(keys.map((k) => k.id)).not.toContain(other.apiKeyId);
    expect(Object.keys(keys[0]).sort()).toEqual([
      "createdAt",
      "createdBy",
      "id",
      "lastUsedAt",
      "name",
      "prefix",
      "revokedAt",
    ]);
    expect(keys[0].createdBy).toEqual({ id: creator.userId, name: "Test actor", email: creator.email });
  });

  it("authenticates a key to its workspace; unknown keys get nothing", async () => {
    const { workspaceId, apiKey, apiKeyId } = await createWorkspaceWithApiKey();
    expect(await authenticateApiKey(apiKey)).toEqual({ workspaceId, apiKeyId });
    expect(await authenticateApiKey(`${apiKey}x`)).toBeNull();
    expect(await authenticateApiKey("")).toBeNull();
    expect(await authenticateApiKey("x".repeat(10_000))).toBeNull();
  });

  it("revocation is effective at once, through the /v1 wrapper too", async () => {
    const { workspaceId, apiKey, apiKeyId, creator } = await createWorkspaceWithApiKey();
    const before = await callRoute(listJobsRoute, {}, "/v1/jobs", { headers: bearer(apiKey) });
    expect(before.status).toBe(200);

    const revoked = await revokeApiKey(workspaceId, apiKeyId, creator, { anyKey: false });
    expect(revoked.revokedAt).not.toBeNull();
    expect(await authenticateApiKey(apiKey)).toBeNull();

    const after = await callRoute(listJobsRoute, {}, "/v1/jobs", { headers: bearer(apiKey) });
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({ error: { code: "UNAUTHORIZED", message: "Invalid or revoked API key" } });

    // Revoking again keeps the first time; the key stays listed as revoked.
    expect((await revokeApiKey(workspaceId, apiKeyId, creator, { anyKey: false })).revokedAt).toBe(revoked.revokedAt);
    expect((await listApiKeys(workspaceId))[0].revokedAt).toBe(revoked.revokedAt);
  });

  it("refuses to revoke another workspace's key (not found) and leaves it working", async () => {
    const mine = await createWorkspaceWithApiKey();
    const theirs = await createWorkspaceWithApiKey();
    await expect(revokeApiKey(mine.workspaceId, theirs.apiKeyId, mine.creator, { anyKey: true })).rejects.toMatchObject(
      { code: "RESOURCE_NOT_FOUND", status: 404 },
    );
    expect(await authenticateApiKey(theirs.apiKey)).toEqual({
      workspaceId: theirs.workspaceId,
      apiKeyId: theirs.apiKeyId,
    });
  });

  it("records lastUsedAt at most once a minute", async () => {
    const { apiKey, apiKeyId } = await createWorkspaceWithApiKey();
    const lastUsedAt = async () =>
      (await prisma.apiKey.findUniqueOrThrow({ where: { id: apiKeyId }, select: { lastUsedAt: true } })).lastUsedAt;
    const t0 = new Date("2030-01-01T00:00:00Z");

    await authenticateApiKey(apiKey, t0);
    expect(await lastUsedAt()).toEqual(t0);
    await authenticateApiKey(apiKey, new Date(t0.getTime() + LAST_USED_RESOLUTION_MS - 1));
    expect(await lastUsedAt()).toEqual(t0);
    const t1 = new Date(t0.getTime() + LAST_USED_RESOLUTION_MS);
    await authenticateApiKey(apiKey, t1);
    expect(await lastUsedAt()).toEqual(t1);
  });

  it("concurrent first uses write lastUsedAt once", async () => {
    const { apiKey, apiKeyId } = await createWorkspaceWithApiKey();
    const now = new Date("2030-02-01T00:00:00Z");
    await Promise.all(Array.from({ length: 8 }, (_, i) => authenticateApiKey(apiKey, new Date(now.getTime() + i))));
    const row = await prisma.apiKey.findUniqueOrThrow({ where: { id: apiKeyId }, select: { lastUsedAt: true } });
    // Whichever request won, the later ones found it fresh and did not overwrite it.
    expect(row.lastUsedAt!.getTime() - now.getTime()).toBeLessThan(8);
  });
});

describe("withApiKeyRoute", () => {
  it("hands the handler the key's workspace and masks an unexpected error as a 500", async () => {
    const { workspaceId, apiKey, apiKeyId } = await createWorkspaceWithApiKey();
    const seen: unknown[] = [];
    const route = withApiKeyRoute<{ jobId: string }>(async (context) => {
      seen.push({ workspaceId: context.workspaceId, apiKeyId: context.apiKeyId, params: context.params });
      throw new Error("database password is hunter2");
    });
    const response = await callRoute(route, { jobId: "job_1" }, "/v1/anything", { headers: bearer(apiKey) });
    expect(seen).toEqual([{ workspaceId, apiKeyId, params: { jobId: "job_1" } }]);
    expect(response.status).toBe(500);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: { code: "INTERNAL_ERROR", message: "Internal server error" } });
  });

  it("never calls the handler without a valid key", async () => {
    let calls = 0;
    const route = withApiKeyRoute(async () => {
      calls++;
      return Response.json({});
    });
    for (const headers of [{}, { authorization: "Bearer jp_live_nope" }, { authorization: "Token abc" }] as Record<
      string,
      string
    >[]) {
      const response = await callRoute(route, {}, "/v1/anything", { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="jobs-portal"');
    }
    expect(calls).toBe(0);
  });
});
