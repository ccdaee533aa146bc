import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Signed in as the test's user: next-auth's session is the only thing faked; the membership
// lookup behind it is the real one, so it meets the restart like any query.
const session = vi.hoisted(() => ({ userId: "" }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => ({ user: { id: session.userId } }),
}));

import { GET as getJobDetail } from "@/app/api/jobs/[jobId]/route";
import { GET as getJobCounts } from "@/app/api/jobs/counts/route";
import { GET as getJobsList } from "@/app/api/jobs/route";
import { GET as getV1Job } from "@/app/v1/jobs/[jobId]/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { errorEnvelopeSchema } from "@/lib/contract/errors";
import { disconnectPrisma, prisma } from "@/lib/db/client";
import { type EmbeddedPostgres, removeDataDir, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { closePool } from "@/lib/db/pool";
import { applyRuntimeEnv } from "@/lib/env";
import { dubJobEvents } from "@/lib/ingest/testing/sample-events";
import { postSigned } from "@/lib/ingest/testing/webhook-requests";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";

// PostgreSQL restarted (a real fast shutdown and start, same port) while webhooks, session routes
// and /v1 are under load: every answer is 2xx or 503 with Retry-After — never a 500, whichever
// layer met the outage (pg in ingest, Prisma in the secrets reload, the membership lookup and the
// Jobs queries) — and every event a sender retried until accepted is stored exactly once.
const DATA_DIR = path.resolve(`.data/test-restart-${process.pid}`);
let server: EmbeddedPostgres;
let workspace: TestWorkspace;
let apiKey: string;

beforeAll(async () => {
  server = await startEmbeddedPostgres({ dataDir: DATA_DIR, database: "restart_test" });
  await migrate(server.url);
  applyRuntimeEnv({ DATABASE_URL: server.url }); // before anything connects: pools and Prisma are built on first use
  workspace = await createTestWorkspace();
  const user = await prisma.user.create({
    data: { email: "restart@example.com", name: "Restart" },
    select: { id: true },
  });
  await prisma.membership.create({ data: { userId: user.id, workspaceId: workspace.id, role: "owner" } });
  session.userId = user.id;
  apiKey = (
    await createApiKey(workspace.id, { name: "restart test" }, { userId: user.id, email: "restart@example.com" })
  ).key;
}, 120_000);

afterAll(async () => {
  await disconnectPrisma();
  await closePool();
  await server.stop();
  removeDataDir(DATA_DIR);
});

const noParams = { params: Promise.resolve({}) };

interface Answer {
  route: string;
  status: number;
  retryAfter: string | null;
  code?: string;
}

async function record(route: string, response: Promise<Response>, into: Answer[]): Promise<number> {
  const answer = await response;
  const entry: Answer = { route, status: answer.status, retryAfter: answer.headers.get("retry-after") };
  if (answer.status >= 400) entry.code = errorEnvelopeSchema.safeParse(await answer.json()).data?.error.code;
  else await answer.arrayBuffer();
  into.push(entry);
  return answer.status;
}

describe("a PostgreSQL restart under load", () => {
  it("answers only 2xx or 503 with Retry-After on webhooks, session routes and /v1, and loses no event", async () => {
    const answers: Answer[] = [];
    let stop = false;
    const accepted = new Set<string>();
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    // Senders: each walks its own dub jobs, sending every event again after a 503 until accepted.
    const sender = async (index: number) => {
      for (let job = 0; !stop; job += 1) {
        const jobId = `job_restart_${index}_${job}`;
        for (const [step, payload] of dubJobEvents(jobId, Date.now()).entries()) {
          const webhookId = `msg_${jobId}_${step}`;
          for (;;) {
            const status = await record("webhook", postSigned(workspace, payload, { id: webhookId }), answers);
            if (status === 200) break;
            await sleep(100);
          }
          accepted.add(webhookId);
          if (stop) return;
        }
      }
    };
    const reader = async () => {
      while (!stop) {
        const params = { params: Promise.resolve({ jobId: "job_restart_seed" }) };
        await record(
          "GET /api/jobs",
          getJobsList(new Request("http://portal.test/api/jobs?limit=25"), noParams),
          answers,
        );
        await record(
          "GET /api/jobs/counts",
          getJobCounts(new Request("http://portal.test/api/jobs/counts"), noParams),
          answers,
        );
        await record(
          "GET /api/jobs/{id}",
          getJobDetail(new Request("http://portal.test/api/jobs/job_restart_seed"), params),
          answers,
        );
        // Below the key's rate limit (10/s), so that 429 is not an answer here.
        const v1 = new Request("http://portal.test/v1/jobs/job_restart_seed", {
          headers: { authorization: `Bearer ${apiKey}` },
        });
        await record("GET /v1/jobs/{id}", getV1Job(v1, params), answers);
        await sleep(250);
      }
    };

    expect((await postSigned(workspace, dubJobEvents("job_restart_seed")[0])).status).toBe(200);
    const load = [sender(0), sender(1), sender(2), sender(3), reader(), reader()];
    await sleep(2_000);
    const before = answers.length;
    await server.stop(); // fast shutdown: open connections are terminated (57P01)
    await sleep(1_500); // refused (ECONNREFUSED) meanwhile
    server = await startEmbeddedPostgres({ dataDir: DATA_DIR, database: "restart_test", port: server.port });
    const restartedAt = answers.length;
    await sleep(4_000);
    stop = true;
    await Promise.all(load);

    const unexpected = answers.filter(
      (answer) => !(answer.status >= 200 && answer.status < 300) && answer.status !== 503,
    );
    expect(unexpected).toEqual([]);
    const refused = answers.filter((answer) => answer.status === 503);
    expect(refused.length).toBeGreaterThan(0); // the outage was met
    for (const answer of refused)
      expect(answer).toMatchObject({ retryAfter: expect.stringMatching(/^\d+$/), code: "UPSTREAM_UNAVAILABLE" });
    expect(new Set(refused.map((answer) => answer.route)).size).toBeGreaterThanOrEqual(3); // every kind of route met it
    expect(answers.slice(0, before).every((answer) => answer.status === 200)).toBe(true);
    expect(
      answers.slice(restartedAt).some((answer) => answer.route === "GET /v1/jobs/{id}" && answer.status === 200),
    ).toBe(true);

    const stored = await prisma.jobEvent.findMany({
      where: { workspaceId: workspace.id },
      select: { webhookId: true },
    });
    expect(
      stored
        .filter((row) => row.webhookId.startsWith("msg_job_restart_"))
        .map((row) => row.webhookId)
        .sort(),
    ).toEqual([...accepted].sort());
  });
});
