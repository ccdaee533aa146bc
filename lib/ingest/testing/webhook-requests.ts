import { randomUUID } from "node:crypto";
import { POST } from "@/app/api/webhooks/[workspaceId]/route";
import { prisma } from "@/lib/db/client";
import { jobSelect } from "@/lib/jobs/serialize-job";
import type { TestWorkspace } from "@/test/fixtures/workspace";
import { signStandardWebhook } from "./sign-standard-webhook";

// Integration-test support: requests signed the way the Standard Webhooks spec says
// (sign-standard-webhook.ts) for a workspace of test/fixtures/workspace.ts, and the route's POST
// handler called directly — no HTTP server needed.
export interface SignOptions {
  id?: string;
  /** Unix seconds; default now. */
  timestamp?: string | number;
  /** Secrets to sign with (one signature each); default the workspace's. */
  secrets?: string[];
  /** Replace or remove (null) headers after signing. */
  headers?: Record<string, string | null>;
}

export function signedHeaders(
  workspace: TestWorkspace,
  body: string,
  options: SignOptions = {},
): Record<string, string> {
  const id = options.id ?? `msg_${randomUUID()}`;
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const secrets = options.secrets ?? [workspace.secret];
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "webhook-id": id,
    "webhook-timestamp": timestamp,
    "webhook-signature": secrets.map((secret) => signStandardWebhook(secret, id, timestamp, body)).join(" "),
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  return headers;
}

export function signedRequest(workspace: TestWorkspace, payload: unknown, options: SignOptions = {}): Request {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  return new Request(`http://portal.test/api/webhooks/${workspace.id}`, {
    method: "POST",
    headers: signedHeaders(workspace, body, options),
    body,
  });
}

export function postToRoute(request: Request, workspaceId: string): Promise<Response> {
  return POST(request, { params: Promise.resolve({ workspaceId }) });
}

export function postSigned(workspace: TestWorkspace, payload: unknown, options: SignOptions = {}): Promise<Response> {
  return postToRoute(signedRequest(workspace, payload, options), workspace.id);
}

export async function countRows(workspaceId: string) {
  const [jobs, events, outputs] = await Promise.all([
    prisma.job.count({ where: { workspaceId } }),
    prisma.jobEvent.count({ where: { workspaceId } }),
    prisma.jobOutput.count({ where: { job: { workspaceId } } }),
  ]);
  return { jobs, events, outputs };
}

// A job's whole stored state: the serializer's fields (less the row id, which differs between
// databases compared against each other) and its outputs.
const { id: _rowId, ...jobStateFields } = jobSelect;
const JOB_STATE_SELECT = {
  ...jobStateFields,
  outputs: { select: { outputIndex: true, sizeBytes: true, kind: true }, orderBy: { outputIndex: "asc" } },
} as const;

/** The stored state of every job of a workspace, by upstream id, shaped like merge-job-event's JobSnapshot. */
export async function storedJobStates(workspaceId: string) {
  const jobs = await prisma.job.findMany({ where: { workspaceId }, select: JOB_STATE_SELECT });
  return new Map(
    jobs.map(({ upstreamJobId, ...job }) => [
      upstreamJobId,
      {
        ...job,
        cost: job.cost === null ? null : Number(job.cost),
        createdAt: job.createdAt.getTime(),
        updatedAt: job.updatedAt.getTime(),
        completedAt: job.completedAt?.getTime() ?? null,
        outputs: job.outputs.map((output) => ({ ...output, sizeBytes: Number(output.sizeBytes) })),
      },
    ]),
  );
}

/** The stored state of one job (what every order of its events must reach), or null. */
export async function storedJobState(workspaceId: string, upstreamJobId: string) {
  const states = await storedJobStates(workspaceId);
  return states.get(upstreamJobId) ?? null;
}
