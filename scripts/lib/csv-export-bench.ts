import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { generateEncryptionKey } from "@/lib/crypto/secret-box";
import { freePort } from "@/lib/net/free-port";
import {
  describeSamples,
  type MemorySample,
  mb,
  memorySamplerArgs,
  peakRss,
  readSamples,
  resetPeakRss,
  rssNow,
} from "./portal-memory";
import { buildIfNeeded, startPortal, stopChild, waitForHealth } from "./portal-process";
import { firstLoadJs, type PortalSession, signIn } from "./portal-session";
import { meterCpu, postmasterPid } from "./process-cpu";

// bench:jobs through the production portal: the overview page's first-load JS, and the CSV export
// of every job of the big workspace over real HTTP (GET /api/jobs/export, gzip as browsers ask for
// it, read as fast as this process can), ROUNDS times: rows/s and the portal process's peak RSS.

export interface ExportRound {
  rows: number;
  seconds: number;
  firstByteMs: number;
  rowsPerSecond: number;
  /** The kernel's peak resident set of the portal during the round (VmHWM, reset before it). */
  peakRss: number;
  rssBefore: number;
  samples: MemorySample[];
  load: number;
  /** CPU seconds the portal process and PostgreSQL's backends spent on the round (fair on a shared machine). */
  cpu: { portal: number; postgres: number };
}

export interface PortalFigures {
  firstLoad: { bytes: number; scripts: number };
  baselineRss: number;
  rounds: ExportRound[];
  /** A client that stopped reading for PAUSE_MS after the first MiB: what the portal did meanwhile. */
  paused: { received: number; growth: number; cpu: Record<string, number> };
}

export interface PortalBenchOptions {
  databaseUrl: string;
  /** The database's data directory (its postmaster's backends are metered). */
  dataDir: string;
  workspaceId: string;
  email: string;
  password: string;
  rounds: number;
  log: (line: string) => void;
}

async function exportOnce(
  session: PortalSession,
  workspaceId: string,
  pid: number,
  file: string,
  postmaster: number,
): Promise<ExportRound> {
  const rssBefore = rssNow(pid);
  resetPeakRss(pid);
  const cpu = meterCpu({ portal: pid }, postmaster);
  const load = os.loadavg()[0];
  const from = Date.now();
  const started = performance.now();
  const response = await session.get("/api/jobs/export", workspaceId, { "accept-encoding": "gzip" });
  if (!response.ok || !response.body) throw new Error(`GET /api/jobs/export: HTTP ${response.status}`);
  let lines = 0;
  let firstByteMs = 0;
  // fetch undoes the gzip; lines are counted in the decompressed bytes (Buffer.indexOf: native).
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    if (firstByteMs === 0) firstByteMs = performance.now() - started;
    const bytes = Buffer.from(chunk.value.buffer, chunk.value.byteOffset, chunk.value.byteLength);
    for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) lines += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  const spent = cpu.stop();
  // The sampler writes every 50 ms: let the last samples of the round land.
  await new Promise((resolve) => setTimeout(resolve, 120));
  const rows = lines - 1;
  return {
    rows,
    seconds,
    firstByteMs,
    rowsPerSecond: rows / seconds,
    peakRss: peakRss(pid),
    rssBefore,
    samples: readSamples(file, from, Date.now()),
    load: Math.max(load, os.loadavg()[0]),
    cpu: { portal: spent.portal, postgres: spent.postgres },
  };
}

const PAUSE_MS = 5_000;

/**
 * A client that stops reading: it takes the first MiB of the export, reads nothing for PAUSE_MS,
 * then hangs up. Were backpressure lost anywhere between the export's stream and the socket, the
 * portal would go on reading batches meanwhile, and keep them: its CPU and memory say whether it did.
 */
async function pausedClient(session: PortalSession, workspaceId: string, pid: number, postmaster: number) {
  const rssBefore = rssNow(pid);
  resetPeakRss(pid);
  const response = await session.get("/api/jobs/export", workspaceId, { "accept-encoding": "gzip" });
  const reader = response.body!.getReader();
  let received = 0;
  while (received < 2 ** 20) {
    const chunk = await reader.read();
    if (chunk.done) break;
    received += chunk.value.byteLength;
  }
  // The socket's buffers fill first (megabytes on loopback): the CPU is counted after the first seconds.
  await new Promise((resolve) => setTimeout(resolve, PAUSE_MS / 2));
  const cpu = meterCpu({ portal: pid }, postmaster);
  await new Promise((resolve) => setTimeout(resolve, PAUSE_MS / 2));
  const spent = cpu.stop();
  const growth = peakRss(pid) - rssBefore;
  await reader.cancel();
  return { received, growth, cpu: spent };
}

export async function benchThroughPortal(options: PortalBenchOptions): Promise<PortalFigures> {
  const { log } = options;
  buildIfNeeded(log);
  const port = await freePort();
  const portalUrl = `http://127.0.0.1:${port}`;
  const samplesFile = path.resolve(".data", "bench-jobs-portal-memory.jsonl");
  const portal = startPortal(
    port,
    {
      DATABASE_URL: options.databaseUrl,
      HOST: "127.0.0.1",
      NEXTAUTH_URL: portalUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      APP_ENCRYPTION_KEY: generateEncryptionKey(),
      // No delivery worker and so no retention loop: the seeded data stays as it was (the seeded
      // pending deliveries are not sent, no event is pruned), and nothing else runs beside the export.
      DELIVERY_WORKER: "off",
      LOG_LEVEL: "warn",
    },
    { stdout: "ignore", nodeArgs: memorySamplerArgs(samplesFile) },
  );
  try {
    await waitForHealth(portalUrl, portal, 120_000);
    const pid = portal.pid!;
    const session = await signIn(portalUrl, options.email, options.password);
    const firstLoad = await firstLoadJs(session, portalUrl, `/w/${options.workspaceId}/overview`, options.workspaceId);
    // The portal as a user finds it: pages rendered, the export route loaded (a first export of a
    // few rows), the one-time costs of startup collected.
    await (await session.get("/api/jobs/export?q=job_0", options.workspaceId)).arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const baselineRss = rssNow(pid);
    log(`portal on ${portalUrl} (pid ${pid}): ${mb(baselineRss)} resident before the exports`);
    const rounds: ExportRound[] = [];
    for (let round = 1; round <= options.rounds; round += 1) {
      const result = await exportOnce(session, options.workspaceId, pid, samplesFile, postmasterPid(options.dataDir));
      log(
        `export ${round}/${options.rounds}: ${result.rows.toLocaleString()} rows in ${result.seconds.toFixed(1)} s = ` +
          `${Math.round(result.rowsPerSecond).toLocaleString()} rows/s, peak RSS ${mb(result.peakRss)} ` +
          `(from ${mb(result.rssBefore)}), load ${result.load.toFixed(1)}, CPU s: portal ${result.cpu.portal.toFixed(1)}, ` +
          `PostgreSQL ${result.cpu.postgres.toFixed(1)}; ${describeSamples(result.samples)}`,
      );
      rounds.push(result);
    }
    const paused = await pausedClient(session, options.workspaceId, pid, postmasterPid(options.dataDir));
    return { firstLoad, baselineRss, rounds, paused };
  } finally {
    await stopChild(portal, 30_000);
  }
}
