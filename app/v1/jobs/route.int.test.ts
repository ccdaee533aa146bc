import { describe, expect, it } from "vitest";
import { GET as getJobRoute } from "@/app/v1/jobs/[jobId]/route";
import { GET as listJobsRoute } from "@/app/v1/jobs/route";
import { API_KEY_RATE_LIMIT } from "@/lib/api-keys/api-key-rate-limit";
import { prisma } from "@/lib/db/client";
import { v1JobDetailSchema, v1JobListSchema } from "@/lib/v1-api/schemas";
import { type ApiKeyWorkspace, bearer, callRoute, createTestJob, createWorkspaceWithApiKey } from "@/test/v1-fixtures";

const list = (ws: ApiKeyWorkspace, query = "") =>
  callRoute(listJobsRoute, {}, `/v1/jobs${query}`, { headers: bearer(ws.apiKey) });
const get = (ws: ApiKeyWorkspace, jobId: string) =>
  callRoute(getJobRoute, { jobId }, `/v1/jobs/${jobId}`, { headers: bearer(ws.apiKey) });

describe("GET /v1/jobs", () => {
  it("pages through the workspace's jobs newest first with nextCursor, and only its own", async () => {
    const ws = await createWorkspaceWithApiKey();
    const other = await createWorkspaceWithApiKey();
    await createTestJob(other.workspaceId, { apiProduct: "dub", status: "merged" });
    const start = Date.parse("2030-03-01T00:00:00Z");
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(
        await createTestJob(ws.workspaceId, {
          apiProduct: "transcribe",
          status: "transcribed",
          createdAt: new Date(start + i * 1000),
        }),
      );
    }
    const newestFirst = [...ids].reverse();

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await list(ws, `?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(response.status).toBe(200);
      const body = v1JobListSchema.strict().parse(await response.json());
      seen.push(...body.data.map((job) => job.jobId));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(newestFirst);
    expect(pages).toBe(3);
  });

  it("filters by apiProduct and status", async () => {
    const ws = await createWorkspaceWithApiKey();
    const dub = await createTestJob(ws.workspaceId, { apiProduct: "dub", status: "dubbing" });
    const translated = await createTestJob(ws.workspaceId, { apiProduct: "translate", status: "translated" });
    await createTestJob(ws.workspaceId, { apiProduct: "translate", status: "failed" });

    const byProduct = await (await list(ws, "?apiProduct=dub")).json();
    expect(byProduct.data.map((job: { jobId: string }) => job.jobId)).toEqual([dub]);
    const byStatus = await (await list(ws, "?apiProduct=translate&status=translated")).json();
    expect(byStatus).toMatchObject({
      data: [{ jobId: translated, apiProduct: "translate", status: "translated", state: "completed" }],
      nextCursor: null,
    });
  });

  it.each([
    ["?limit=0", /limit/],
    ["?status=pending", /status/],
    ["?cursor=not-a-cursor", /Invalid cursor/],
  ])("400 INVALID_REQUEST for %s", async (query, message) => {
    const ws = await createWorkspaceWithApiKey();
    const response = await list(ws, query);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("INVALID_REQUEST");
    expect(body.error.message).toMatch(message);
  });
});

describe("GET /v1/jobs/{jobId}", () => {
  it("answers the job with its timeline and outputs", async () => {
    const ws = await createWorkspaceWithApiKey();
    const jobId = await createTestJob(ws.workspaceId, { apiProduct: "transcribe", status: "transcribed" });
    const row = await prisma.job.findFirstOrThrow({
      where: { workspaceId: ws.workspaceId, upstreamJobId: jobId },
      select: { id: true },
    });
    const at = (s: number) => new Date(Date.parse("2030-04-01T00:00:00Z") + s * 1000);
    await prisma.jobEvent.createMany({
      data: (["created", "transcribing", "transcribed"] as const).map((status, i) => ({
        workspaceId: ws.workspaceId,
        jobId: row.id,
        webhookId: `msg_${jobId}_${i}`,
        event: ["job.created", "job.processing", "job.completed"][i],
        status,
        occurredAt: at(i * 10),
        disposition: "applied" as const,
        payload: {},
      })),
    });
    await prisma.jobOutput.create({ data: { jobId: row.id, outputIndex: 0, sizeBytes: 12458n, kind: "srt" } });

    const response = await get(ws, jobId);
    expect(response.status).toBe(200);
    const body = v1JobDetailSchema.strict().parse(await response.json());
    expect(body).toMatchObject({
      jobId,
      apiProduct: "transcribe",
      status: "transcribed",
      state: "completed",
      failure: null,
    });
    expect(body.timeline).toEqual([
      { status: "created", state: "done", reachedAt: at(0).toISOString(), durationMs: 10_000 },
      { status: "transcribing", state: "done", reachedAt: at(10).toISOString(), durationMs: 10_000 },
      { status: "transcribed", state: "done", reachedAt: at(20).toISOString(), durationMs: null },
    ]);
    expect(body.outputs).toEqual([{ outputIndex: 0, sizeBytes: 12458, kind: "srt" }]);
  });

  it("404 for an unknown job and for another workspace's job", async () => {
    const ws = await createWorkspaceWithApiKey();
    const other = await createWorkspaceWithApiKey();
    const theirs = await createTestJob(other.workspaceId, { apiProduct: "dub", status: "merged" });
    for (const jobId of ["job_missing", theirs]) {
      const response = await get(ws, jobId);
      expect({ status: response.status, body: await response.json() }).toEqual({
        status: 404,
        body: { error: { code: "RESOURCE_NOT_FOUND", message: "Job not found" } },
      });
    }
  });
});

describe("per-key rate limit", () => {
  it("answers 429 RATE_LIMITED with Retry-After past the burst, for that key only", async () => {
    const ws = await createWorkspaceWithApiKey();
    const other = await createWorkspaceWithApiKey();
    const burst = API_KEY_RATE_LIMIT.burst;
    // Twice the burst at once: even a slow machine cannot refill that many tokens meanwhile.
    const responses = await Promise.all(Array.from({ length: burst * 2 }, () => list(ws, "?limit=1")));
    const limited = responses.filter((response) => response.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(responses.filter((response) => response.status === 200).length).toBeGreaterThanOrEqual(burst);
    expect(Number(limited[0].headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited[0].json()).toEqual({
      error: {
        code: "RATE_LIMITED",
        message: `Too many requests: at most ${API_KEY_RATE_LIMIT.ratePerSecond} per second per API key`,
      },
    });
    expect((await list(other)).status).toBe(200);
  });
});
