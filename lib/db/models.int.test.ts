import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "./client";

// Every model written and read back through the generated client, and the database's own
// constraints (unique keys, foreign keys, cascades) enforced.

const unique = () => randomUUID().slice(0, 8);

async function workspace() {
  return prisma.workspace.create({
    data: { name: `ws ${unique()}`, inboundSecretEnc: "sealed" },
    select: { id: true },
  });
}

describe("models through the Prisma client", () => {
  it("writes and reads every model", async () => {
    const ws = await workspace();
    const user = await prisma.user.create({ data: { email: `${unique()}@example.com`, passwordHash: "x" } });
    expect(user).not.toHaveProperty("passwordHash");
    await prisma.account.create({
      data: { userId: user.id, type: "oauth", provider: "github", providerAccountId: unique() },
    });
    await prisma.session.create({
      data: { userId: user.id, sessionToken: unique(), expires: new Date(Date.now() + 60_000) },
    });
    await prisma.verificationToken.create({ data: { identifier: user.email, token: unique(), expires: new Date() } });
    await prisma.membership.create({ data: { workspaceId: ws.id, userId: user.id, role: "owner" } });
    await prisma.apiKey.create({ data: { workspaceId: ws.id, name: "k", prefix: "jp_live_abc", hashedKey: unique() } });
    const job = await prisma.job.create({
      data: {
        workspaceId: ws.id,
        upstreamJobId: `job_${unique()}`,
        apiProduct: "translate",
        status: "translated",
        state: "completed",
        duration: 125.5,
        cost: "2.5100",
        wordCount: 900,
        createdAt: new Date("2025-12-07T12:00:00Z"),
        updatedAt: new Date("2025-12-07T12:34:56Z"),
        completedAt: new Date("2025-12-07T12:34:56Z"),
      },
    });
    await prisma.jobEvent.create({
      data: {
        workspaceId: ws.id,
        jobId: job.id,
        webhookId: `msg_${unique()}`,
        event: "job.completed",
        status: "translated",
        occurredAt: new Date("2025-12-07T12:34:56Z"),
        disposition: "applied",
        payload: { event: "job.completed" },
      },
    });
    await prisma.jobOutput.createMany({
      data: [
        { jobId: job.id, outputIndex: 0, sizeBytes: 8234n, kind: "srt" },
        { jobId: job.id, outputIndex: 1, sizeBytes: 7891n, kind: "srt" },
      ],
    });

    const read = await prisma.job.findUniqueOrThrow({
      where: { id: job.id },
      select: {
        cost: true,
        duration: true,
        events: { select: { payload: true, disposition: true } },
        outputs: { select: { outputIndex: true, sizeBytes: true }, orderBy: { outputIndex: "asc" } },
        workspace: {
          select: {
            memberships: { select: { role: true, user: { select: { accounts: true, sessions: true } } } },
            apiKeys: { select: { prefix: true } },
          },
        },
      },
    });
    expect(read.cost?.toString()).toBe("2.51");
    expect(read.duration).toBe(125.5);
    expect(read.events).toEqual([{ payload: { event: "job.completed" }, disposition: "applied" }]);
    expect(read.outputs).toEqual([
      { outputIndex: 0, sizeBytes: 8234n },
      { outputIndex: 1, sizeBytes: 7891n },
    ]);
    expect(read.workspace.memberships[0].role).toBe("owner");
    expect(read.workspace.memberships[0].user.accounts).toHaveLength(1);
    expect(read.workspace.memberships[0].user.sessions).toHaveLength(1);
    expect(read.workspace.apiKeys).toEqual([{ prefix: "jp_live_abc" }]);
  });

  it("enforces unique keys", async () => {
    const ws = await workspace();
    const upstreamJobId = `job_${unique()}`;
    const data = {
      workspaceId: ws.id,
      upstreamJobId,
      apiProduct: "dub" as const,
      status: "created" as const,
      state: "in_progress" as const,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    await prisma.job.create({ data });
    await expect(prisma.job.create({ data })).rejects.toMatchObject({ code: "P2002" });
    // The same upstream id in another workspace is another job.
    const other = await workspace();
    await expect(prisma.job.create({ data: { ...data, workspaceId: other.id } })).resolves.toBeTruthy();
  });

  it("enforces foreign keys and cascades", async () => {
    await expect(
      prisma.job.create({
        data: {
          workspaceId: "no-such-workspace",
          upstreamJobId: "job_x",
          apiProduct: "dub",
          status: "created",
          state: "in_progress",
          createdAt: new Date(),
          updatedAt: new Date(),
        },
      }),
    ).rejects.toMatchObject({ code: "P2003" });
    const ws = await workspace();
    const job = await prisma.job.create({
      data: {
        workspaceId: ws.id,
        upstreamJobId: "job_y",
        apiProduct: "dub",
        status: "created",
        state: "in_progress",
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    });
    await prisma.jobOutput.create({ data: { jobId: job.id, outputIndex: 0, sizeBytes: 1n, kind: "video" } });
    await prisma.workspace.delete({ where: { id: ws.id } });
    expect(await prisma.jobOutput.count({ where: { jobId: job.id } })).toBe(0);
  });
});
