import { createApiKey } from "@/lib/api-keys/create-api-key";
import { prisma } from "@/lib/db/client";
import { type ApiProduct, type JobStatus, stateOf } from "@/lib/workflow/workflows";
import { createTestActor } from "./fixtures/actor";
import { createTestWorkspace, uniqueSuffix } from "./fixtures/workspace";

// Integration-test helpers for the /v1 API: each test makes its own workspace, key and jobs.

export interface ApiKeyWorkspace {
  workspaceId: string;
  apiKey: string;
  apiKeyId: string;
  /** Who created the key (a user of their own, not a member of the workspace). */
  creator: { userId: string; email: string };
}

/** A workspace (test/fixtures/workspace.ts) with a portal API key; with `upstream`, connected to that Jobs API. */
export async function createWorkspaceWithApiKey(upstream?: {
  baseUrl: string;
  apiKey: string;
}): Promise<ApiKeyWorkspace> {
  const workspace = await createTestWorkspace({ upstream });
  const creator = await createTestActor();
  const created = await createApiKey(workspace.id, { name: "test key" }, creator);
  return { workspaceId: workspace.id, apiKey: created.key, apiKeyId: created.apiKey.id, creator };
}

export async function createTestJob(
  workspaceId: string,
  input: { apiProduct: ApiProduct; status: JobStatus; upstreamJobId?: string; createdAt?: Date },
): Promise<string> {
  const upstreamJobId = input.upstreamJobId ?? `job_${uniqueSuffix()}`;
  const createdAt = input.createdAt ?? new Date();
  const state = stateOf(input.apiProduct, input.status);
  await prisma.job.create({
    data: {
      workspaceId,
      upstreamJobId,
      apiProduct: input.apiProduct,
      status: input.status,
      state,
      createdAt,
      updatedAt: createdAt,
      completedAt: state === "completed" ? createdAt : null,
    },
    select: { id: true },
  });
  return upstreamJobId;
}

/** Calls an exported route handler as Next would: a real Request and params as a Promise. */
export function callRoute<Params>(
  handler: (request: Request, context: { params: Promise<Params> }) => Promise<Response>,
  params: Params,
  url: string,
  init: RequestInit = {},
): Promise<Response> {
  return handler(new Request(new URL(url, "http://portal.test"), init), { params: Promise.resolve(params) });
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
