import { randomUUID } from "node:crypto";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { generateEncryptionKey, seal } from "@/lib/crypto/secret-box";
import { prisma } from "@/lib/db/client";
import { applyRuntimeEnv, env } from "@/lib/env";
import { allowJobsApiBaseUrls } from "@/lib/upstream/testing/allow-base-urls";
import { sealUpstreamKey } from "@/lib/upstream/upstream-key";
import { stateOf, type ApiProduct, type JobStatus } from "@/lib/workflow/workflows";

// Integration-test helpers for the /v1 API: each test makes its own workspace, key and jobs.

/** secret-box reads the key lazily from env, so setting it before the first seal() is enough. */
export function ensureEncryptionKey(): void {
  if (!env.APP_ENCRYPTION_KEY) applyRuntimeEnv({ APP_ENCRYPTION_KEY: generateEncryptionKey() });
}

export const uniqueSuffix = () => randomUUID().slice(0, 8);

export interface TestWorkspace {
  workspaceId: string;
  apiKey: string;
  apiKeyId: string;
}

/** A workspace with a portal API key; with `upstream`, connected to it (and the deployment allows that base URL). */
export async function createTestWorkspace(upstream?: { baseUrl: string; apiKey: string }): Promise<TestWorkspace> {
  ensureEncryptionKey();
  if (upstream) allowJobsApiBaseUrls(upstream.baseUrl);
  const workspace = await prisma.workspace.create({
    data: {
      name: `v1 test ${uniqueSuffix()}`,
      inboundSecretEnc: seal("whsec_dGVzdA=="),
      ...(upstream && { upstreamBaseUrl: upstream.baseUrl, upstreamApiKeyEnc: sealUpstreamKey(upstream.baseUrl, upstream.apiKey) }),
    },
    select: { id: true },
  });
  const created = await createApiKey(workspace.id, { name: "test key" });
  return { workspaceId: workspace.id, apiKey: created.key, apiKeyId: created.apiKey.id };
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
