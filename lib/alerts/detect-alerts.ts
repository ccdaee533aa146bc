import "server-only";
import { prisma } from "@/lib/db/client";
import type { AlertKind } from "@/lib/db/generated/client";
import { getStepExpectations } from "@/lib/insight/get-step-expectations";
import { expectationOf } from "@/lib/insight/step-expectations";
import { stuckWhere } from "@/lib/jobs/list-jobs";
import type { ApiProduct } from "@/lib/workflow/workflows";
import { DOWNLOAD_FAILURES_TO_ALERT } from "./types";

// Finds what should be alerted and writes one Alert row per thing (the outbox). Each row's
// dedupeKey is unique per workspace, so however many workers look at once, each thing is alerted
// once: the second insert finds the key taken and does nothing.

/** How far back a failure or a disabled endpoint still alerts: a worker back after an outage does not flood. */
export const LOOKBACK_MS = 60 * 60_000;
/** At most this many new alerts per workspace and kind in one look. */
const MAX_PER_LOOK = 100;

interface NewAlert {
  kind: AlertKind;
  dedupeKey: string;
  title: string;
  detail: string;
  path: string;
}

const jobPath = (upstreamJobId: string) => `/jobs/${encodeURIComponent(upstreamJobId)}`;
const LABEL: Record<ApiProduct, string> = {
  transcribe: "Transcription",
  translate: "Translation",
  voiceover: "Voice-over",
  dub: "Dub",
};

function minutes(ms: number): string {
  const m = Math.round(ms / 60_000);
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

async function failedJobs(workspaceId: string, since: Date): Promise<NewAlert[]> {
  // By when the portal received the failure (its own clock, the (workspaceId, receivedAt) index),
  // not the upstream's timestamp: whole seconds, and another machine's clock.
  const events = await prisma.jobEvent.findMany({
    where: { workspaceId, receivedAt: { gte: since }, status: { in: ["failed", "rejected"] }, disposition: "applied" },
    select: { job: { select: { id: true, upstreamJobId: true, apiProduct: true, status: true, failureReason: true } } },
    take: MAX_PER_LOOK,
  });
  return events.map(({ job }) => ({
    kind: "job_failed",
    dedupeKey: `job_failed:${job.id}`,
    title: `${LABEL[job.apiProduct]} ${job.upstreamJobId} ${job.status === "rejected" ? "was rejected" : "failed"}`,
    detail: job.failureReason ?? "The Jobs API did not say why.",
    path: jobPath(job.upstreamJobId),
  }));
}

async function stuckJobs(workspaceId: string, now: Date): Promise<NewAlert[]> {
  const table = await getStepExpectations(workspaceId, now);
  const jobs = await prisma.job.findMany({
    where: { workspaceId, ...stuckWhere(table, now) },
    select: { id: true, upstreamJobId: true, apiProduct: true, status: true, updatedAt: true },
    orderBy: { createdAt: "desc" },
    take: MAX_PER_LOOK,
  });
  return jobs.flatMap((job) => {
    const expectation = expectationOf(table, job.apiProduct, job.status, job.updatedAt);
    if (!expectation) return [];
    return [
      {
        kind: "job_stuck" as const,
        // Once per job and step: moving on and getting stuck again is a new alert.
        dedupeKey: `job_stuck:${job.id}:${job.status}`,
        title: `${LABEL[job.apiProduct]} ${job.upstreamJobId} is stuck at ${job.status}`,
        detail: `Usually done in ${minutes(expectation.usualMs)}; ${minutes(now.getTime() - job.updatedAt.getTime())} so far.`,
        path: jobPath(job.upstreamJobId),
      },
    ];
  });
}

async function disabledEndpoints(workspaceId: string, since: Date): Promise<NewAlert[]> {
  const endpoints = await prisma.webhookEndpoint.findMany({
    // Disabled by the workers (a reason is set); a member switching one off is no news.
    where: { workspaceId, enabled: false, disabledReason: { not: null }, disabledAt: { gte: since } },
    select: { id: true, url: true, disabledReason: true, disabledAt: true },
    take: MAX_PER_LOOK,
  });
  return endpoints.map((endpoint) => ({
    kind: "endpoint_disabled",
    dedupeKey: `endpoint_disabled:${endpoint.id}:${endpoint.disabledAt?.getTime()}`,
    title: `Webhook endpoint ${endpoint.url} was disabled`,
    detail: endpoint.disabledReason ?? "",
    path: `/settings/webhooks/${encodeURIComponent(endpoint.id)}`,
  }));
}

async function upstreamSilence(workspaceId: string, silentHours: number, now: Date): Promise<NewAlert[]> {
  const inProgress = await prisma.job.findFirst({ where: { workspaceId, state: "in_progress" }, select: { id: true } });
  if (!inProgress) return [];
  const last = await prisma.jobEvent.findFirst({
    where: { workspaceId },
    orderBy: { receivedAt: "desc" },
    select: { receivedAt: true },
  });
  if (!last || now.getTime() - last.receivedAt.getTime() < silentHours * 3_600_000) return [];
  return [
    {
      kind: "upstream_silent",
      // Once per silence: the next event ends it, and a later silence is keyed by its own last event.
      dedupeKey: `upstream_silent:${last.receivedAt.getTime()}`,
      title: `No events from the Jobs API for ${silentHours} hours`,
      detail: `The last event arrived ${last.receivedAt.toISOString()}, and jobs are still in progress. Check the webhook URL in the Jobs API's settings and Settings → Inbound webhook → Refused requests.`,
      path: "/settings",
    },
  ];
}

async function failingDownloads(workspaceId: string): Promise<NewAlert[]> {
  const health = await prisma.downloadResultHealth.findUnique({
    where: { workspaceId },
    select: {
      consecutiveFailures: true,
      failingSince: true,
      lastFailureAt: true,
      lastError: true,
      lastSuccessAt: true,
    },
  });
  if (!health?.failingSince || health.consecutiveFailures < DOWNLOAD_FAILURES_TO_ALERT) return [];
  const last = health.lastFailureAt ? ` The last, at ${health.lastFailureAt.toISOString()}: ${health.lastError}.` : "";
  const success = health.lastSuccessAt
    ? ` The last success was at ${health.lastSuccessAt.toISOString()}.`
    : " No successful call is on record.";
  return [
    {
      kind: "download_failing",
      // Once per run of failures: a success ends it, and the next run is keyed by its own start.
      dedupeKey: `download_failing:${health.failingSince.getTime()}`,
      title: "Download links from the Jobs API are failing",
      detail:
        `${health.consecutiveFailures} calls in a row to download-result have failed since ${health.failingSince.toISOString()}.${last}${success}` +
        " Members get no download links and job.completed deliveries wait for them. Check the base URL and API key in Settings → Jobs API connection.",
      path: "/settings#upstream-connection",
    },
  ];
}

/** Looks at every workspace with alert rules and writes the alerts that are due; returns how many were new. */
export async function detectAlerts(now = new Date(), workspaceIds?: readonly string[]): Promise<number> {
  const configs = await prisma.alertConfig.findMany({
    // A deleted workspace (being purged) alerts no one.
    where: {
      kinds: { isEmpty: false },
      workspace: { deletedAt: null },
      ...(workspaceIds && { workspaceId: { in: [...workspaceIds] } }),
    },
    select: { workspaceId: true, kinds: true, silentHours: true, createdAt: true },
  });
  let created = 0;
  for (const config of configs) {
    // Nothing from before the rules existed.
    const since = new Date(Math.max(now.getTime() - LOOKBACK_MS, config.createdAt.getTime()));
    const found: NewAlert[] = [];
    const { workspaceId, kinds } = config;
    if (kinds.includes("job_failed")) found.push(...(await failedJobs(workspaceId, since)));
    if (kinds.includes("job_stuck")) found.push(...(await stuckJobs(workspaceId, now)));
    if (kinds.includes("endpoint_disabled")) found.push(...(await disabledEndpoints(workspaceId, since)));
    if (kinds.includes("upstream_silent")) found.push(...(await upstreamSilence(workspaceId, config.silentHours, now)));
    if (kinds.includes("download_failing")) found.push(...(await failingDownloads(workspaceId)));
    if (found.length === 0) continue;
    const result = await prisma.alert.createMany({
      data: found.map((alert) => ({ ...alert, workspaceId, firedAt: now })),
      skipDuplicates: true,
    });
    created += result.count;
  }
  return created;
}
