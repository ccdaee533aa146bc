import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createEndpoint } from "@/lib/webhook-endpoints/create-endpoint";
import { deleteEndpoint } from "@/lib/webhook-endpoints/delete-endpoint";
import { revealEndpointSecret } from "@/lib/webhook-endpoints/reveal-endpoint-secret";
import { rotateEndpointSecret } from "@/lib/webhook-endpoints/rotate-endpoint-secret";
import { createEndpointSchema } from "@/lib/webhook-endpoints/schemas";
import { TEST_ACTOR } from "@/test/fixtures/actor";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { listAuditActors, listAuditLog } from "./list-audit-log";
import { pruneAuditLog } from "./prune-audit-log";
import { auditLogQuerySchema } from "./schemas";

const endpointInput = () => createEndpointSchema.parse({ url: "https://1.1.1.1/hooks", eventTypes: ["job.completed"] });
const query = (raw: Record<string, string> = {}) => auditLogQuerySchema.parse(raw);
const OTHER = { userId: "other-actor", email: "other@example.com" };

describe("the audit log", () => {
  it("records each security change with who made it, newest first; a secret revealed is there, the secret is not", async () => {
    const { id: workspaceId } = await createTestWorkspace();
    const endpoint = await createEndpoint(workspaceId, endpointInput(), TEST_ACTOR);
    const { secret } = await revealEndpointSecret(workspaceId, endpoint.id, OTHER);
    await rotateEndpointSecret(workspaceId, endpoint.id, TEST_ACTOR);
    await deleteEndpoint(workspaceId, endpoint.id, TEST_ACTOR);

    const page = await listAuditLog(workspaceId, query());
    expect(page.data.map((entry) => [entry.action, entry.actor.email, entry.target?.label])).toEqual([
      ["endpoint.deleted", TEST_ACTOR.email, "https://1.1.1.1/hooks"],
      ["endpoint_secret.rotated", TEST_ACTOR.email, "https://1.1.1.1/hooks"],
      ["endpoint_secret.revealed", OTHER.email, "https://1.1.1.1/hooks"],
      ["endpoint.created", TEST_ACTOR.email, "https://1.1.1.1/hooks"],
    ]);
    expect(JSON.stringify(await prisma.auditLogEntry.findMany({ where: { workspaceId } }))).not.toContain(secret);
    expect(page.nextCursor).toBeNull();
  });

  it("a change that fails records nothing; another workspace's log shows none of it", async () => {
    const mine = await createTestWorkspace();
    const theirs = await createTestWorkspace();
    const endpoint = await createEndpoint(theirs.id, endpointInput(), TEST_ACTOR);
    await expect(revealEndpointSecret(mine.id, endpoint.id, TEST_ACTOR)).rejects.toMatchObject({
      code: "RESOURCE_NOT_FOUND",
    });
    expect((await listAuditLog(mine.id, query())).data).toEqual([]);
    expect((await listAuditLog(theirs.id, query())).data.map((entry) => entry.action)).toEqual(["endpoint.created"]);
  });

  it("filters by actor and by action, and pages by cursor without gaps or repeats", async () => {
    const { id: workspaceId } = await createTestWorkspace();
    const endpoint = await createEndpoint(workspaceId, endpointInput(), TEST_ACTOR);
    for (let i = 0; i < 3; i += 1) await rotateEndpointSecret(workspaceId, endpoint.id, i === 1 ? OTHER : TEST_ACTOR);

    expect(
      (await listAuditLog(workspaceId, query({ actor: OTHER.userId }))).data.map((entry) => entry.actor.email),
    ).toEqual([OTHER.email]);
    expect((await listAuditLog(workspaceId, query({ action: "endpoint.created" }))).data).toHaveLength(1);
    expect(auditLogQuerySchema.safeParse({ action: "secret.stolen" }).success).toBe(false);
    expect(await listAuditActors(workspaceId)).toEqual({
      actors: [
        { id: TEST_ACTOR.userId, email: TEST_ACTOR.email },
        { id: OTHER.userId, email: OTHER.email },
      ],
    });

    const first = await listAuditLog(workspaceId, query({ limit: "3" }));
    const second = await listAuditLog(workspaceId, query({ limit: "3", cursor: first.nextCursor ?? "" }));
    const ids = [...first.data, ...second.data].map((entry) => entry.id);
    expect(new Set(ids).size).toBe(4);
    expect(second.nextCursor).toBeNull();
  });

  it("keeps a year: older entries are pruned, newer ones stay", async () => {
    const { id: workspaceId } = await createTestWorkspace();
    const now = new Date();
    const day = 24 * 60 * 60 * 1000;
    await prisma.auditLogEntry.createMany({
      data: [
        {
          workspaceId,
          actorId: "a",
          actorEmail: "a@example.com",
          action: "workspace.renamed",
          createdAt: new Date(now.getTime() - 366 * day),
        },
        {
          workspaceId,
          actorId: "a",
          actorEmail: "a@example.com",
          action: "workspace.renamed",
          createdAt: new Date(now.getTime() - 364 * day),
        },
      ],
    });
    await pruneAuditLog(now);
    const left = await prisma.auditLogEntry.findMany({ where: { workspaceId }, select: { createdAt: true } });
    expect(left.map((row) => Math.round((now.getTime() - row.createdAt.getTime()) / day))).toEqual([364]);
  });
});
