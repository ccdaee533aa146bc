// npm run bench:ingest — inbound webhook ingest throughput and latency, against two references.
// On the embedded PostgreSQL (.data/bench-postgres) and the production build (`next build` when
// the sources changed since the last one), over CONNECTIONS keep-alive connections, for
// PHASE_SECONDS each after a warm-up, ROUNDS times in turn (default 3; the median is the figure —
// fairer on a machine whose load varies):
//   floor      the portal turning the same requests, unsigned, away with 401 (Next.js's own cost)
//   portal     the portal accepting signed events: POST /api/webhooks/{workspaceId}; beside it a
//              probe workspace gets 20 events/s, watched by a live stream (GET /api/live) and a
//              webhook endpoint: the live-update and delivery lags under that load (ingest-probe.ts)
//   reference  a minimal node:http + pg receiver doing the same checks and writes (lib/ingest's
//              pure parts and its group commit), i.e. the same work without Next.js
//   fairness   one workspace flooding the portal over CONNECTIONS connections while another sends
//              10 events/s: the quiet workspace's p50/p99 (the bounded, round-robin group-commit
//              queue keeps it near the front; the flood gets 503 beyond its share of the queue)
// then prints events/s, p50 and p99 and the ratios, and checks the database: every accepted event
// stored exactly once, every job at the furthest status it was sent, nothing from the floor.
// The tables hold a ballast workspace of 40,000 earlier jobs (lib/ingest-ballast.ts): a portal in
// service, not empty tables, whose statistics would give the planner plans no running portal has.
// Options: --seconds N (10), --connections N (32), --rounds N (3), --build (force a build),
//   --phases floor,portal,reference (a subset; fairness and the probe run with `portal`),
//   --switch-off notify,outbox,group-commit,counters (one more portal process per part, with that part of
//     ingest switched off — INGEST_TEST_SWITCH_OFF, test only — measured as `portal-no-<part>`;
//     `notify+outbox` switches both off in one process),
//   --processes N (with the portal phase: also a `portal-Np` phase, the same load spread over N
//     portal processes on the one database, printed as its ratio to one portal's — 2 cores: no collapse;
//     its CPU column counts the first portal only),
//   --cpu-prof (the main portal writes a V8 CPU profile to .data/bench-profiles on exit),
//   --pg-stats (pg_stat_statements and wait events per phase).
import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyRuntimeEnv } from "@/lib/env";
import { freePort } from "@/lib/net/free-port";
import { openBenchDatabase } from "./lib/bench-database";
import { resetBenchWorkspaces } from "./lib/ingest-ballast";
import { checkStored, merged } from "./lib/ingest-check";
import { type PhaseResult, runPaced, runPhase, summarise, type Target } from "./lib/ingest-load";
import { describeLags, type Lags, lagsOf, setUpProbe, startProbe } from "./lib/ingest-probe";
import { printIngestReport, type RoundRow, variantName } from "./lib/ingest-report";
import { buildIfNeeded, startPortal, stopChild, waitForHealth } from "./lib/portal-process";
import { describeActivity, type PhaseActivity, watchPostgres } from "./lib/postgres-activity";
import { meterCpu, postmasterPid } from "./lib/process-cpu";

const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), "..");
const argument = (name: string, fallback: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : fallback;
};
const PHASE_SECONDS = Number(argument("--seconds", "10"));
// JIT and connection warm-up before the first round's phases; later rounds only settle for 1 s.
// 8 s: with 3 s the first round's portal often ran 30–50 % more CPU per request than the third's (its
// code was still being optimised); a portal in service is warm.
const WARMUP_SECONDS = 8;
const SETTLE_SECONDS = 1;
const CONNECTIONS = Number(argument("--connections", "32"));
const ROUNDS = Number(argument("--rounds", "3"));
const PHASES = argument("--phases", "floor,portal,reference").split(",");
const SWITCH_OFF = argument("--switch-off", "").split(",").filter(Boolean);
const PROCESSES = Number(argument("--processes", "1"));
const SPREAD = `portal-${PROCESSES}p`;
const CPU_PROF = process.argv.includes("--cpu-prof");
const PG_STATS = process.argv.includes("--pg-stats");
const PROBE_PER_SECOND = 20;
const profileDir = path.join(ROOT, ".data", "bench-profiles");
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const load = () => os.loadavg()[0].toFixed(1);

async function main(): Promise<void> {
  const { generateEncryptionKey, seal } = await import("@/lib/crypto/secret-box");
  const { generateWebhookSecret } = await import("@/lib/crypto/webhook-secret");

  const database = await openBenchDatabase("bench-postgres", "jobs_portal_bench", {
    log,
    settings: PG_STATS
      ? { shared_preload_libraries: "pg_stat_statements", "pg_stat_statements.track": "all" }
      : undefined,
  });
  const children: ChildProcess[] = [];
  // Whatever the bench opened in this process (the probe's receiver and live stream, its pools)
  // closes here too, so that a failure midway ends the process instead of leaving it listening.
  const closers: Array<() => Promise<void>> = [];
  const cleanup = async () => {
    await Promise.all(closers.map((close) => close()));
    await Promise.all(children.map((child) => stopChild(child, 30_000)));
    await database.close();
  };
  process.once("SIGINT", () => void cleanup().then(() => process.exit(130)));
  try {
    const encryptionKey = generateEncryptionKey();
    const nextAuthSecret = randomBytes(32).toString("base64url");
    applyRuntimeEnv({ APP_ENCRYPTION_KEY: encryptionKey });
    const { getPool } = await import("@/lib/db/pool");
    const pool = getPool();

    const runId = randomBytes(3).toString("hex");
    const secret = generateWebhookSecret();
    const workspaceOf = (name: string) => `bench-${name.replace(/[^A-Za-z0-9_-]/g, "_")}-${runId}`;
    const names = ["floor", "portal", "reference", "flood", "quiet", "probe"];
    names.push(...SWITCH_OFF.map((part) => variantName(part)), ...(PROCESSES > 1 ? [SPREAD] : []));
    await resetBenchWorkspaces(pool, names.map(workspaceOf), seal(secret), log);

    if (process.argv.includes("--build")) rmSync(path.join(ROOT, ".next", "source-fingerprint"), { force: true });
    buildIfNeeded(log);
    const portalEnv = (port: number, extra: Record<string, string> = {}) => ({
      HOST: "127.0.0.1",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: nextAuthSecret,
      DATABASE_URL: database.url,
      APP_ENCRYPTION_KEY: encryptionKey,
      ALLOW_PRIVATE_WEBHOOK_URLS: "1", // the probe's endpoint is on loopback
      ...extra,
    });
    // The portal as it runs in production: behind its own server (scripts/portal-server.ts).
    const pids = new Map<string, number>();
    const startOne = async (extra: Record<string, string> = {}, nodeArgs: string[] = []) => {
      const port = await freePort();
      const child = startPortal(port, portalEnv(port, extra), { stdout: "ignore", nodeArgs });
      children.push(child);
      await waitForHealth(`http://127.0.0.1:${port}`, child);
      pids.set(`http://127.0.0.1:${port}`, child.pid as number);
      return `http://127.0.0.1:${port}`;
    };
    if (CPU_PROF) mkdirSync(profileDir, { recursive: true });
    const portalUrl = await startOne({}, CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []);
    // --processes N: N - 1 more portal processes, for the spread phase.
    const spreadUrls = [portalUrl];
    while (PROCESSES > 1 && spreadUrls.length < PROCESSES) spreadUrls.push(await startOne());
    const variantUrls = new Map<string, string>();
    for (const part of SWITCH_OFF)
      variantUrls.set(part, await startOne({ INGEST_TEST_SWITCH_OFF: part.replace(/\+/g, ",") }));

    const reference = fork(path.join(ROOT, "scripts", "lib", "ingest-reference-server.ts"), [], {
      cwd: ROOT,
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "ignore", "inherit", "ipc"],
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: database.url, APP_ENCRYPTION_KEY: encryptionKey },
    });
    children.push(reference);
    const referencePort = await new Promise<number>((resolve, reject) => {
      reference.once("message", (message) => resolve((message as { port: number }).port));
      reference.once("exit", (code) => reject(new Error(`the reference server exited with code ${code}`)));
      reference.send({ workspaceId: workspaceOf("reference"), secret });
    });

    pids.set(`http://127.0.0.1:${referencePort}`, reference.pid as number);
    const postmaster = postmasterPid(database.dataDir);
    const targets: Target[] = [];
    if (PHASES.includes("floor"))
      targets.push({ name: "floor", baseUrl: portalUrl, workspaceId: workspaceOf("floor"), secret: null });
    if (PHASES.includes("portal"))
      targets.push({ name: "portal", baseUrl: portalUrl, workspaceId: workspaceOf("portal"), secret });
    if (PHASES.includes("portal") && PROCESSES > 1)
      targets.push({
        name: SPREAD,
        baseUrl: portalUrl,
        baseUrls: spreadUrls,
        workspaceId: workspaceOf(SPREAD),
        secret,
      });
    for (const [part, url] of variantUrls)
      targets.push({ name: variantName(part), baseUrl: url, workspaceId: workspaceOf(variantName(part)), secret });
    if (PHASES.includes("reference"))
      targets.push({
        name: "reference",
        baseUrl: `http://127.0.0.1:${referencePort}`,
        workspaceId: workspaceOf("reference"),
        secret,
      });

    const withProbe = PHASES.includes("portal");
    const probeTarget: Target = { name: "probe", baseUrl: portalUrl, workspaceId: workspaceOf("probe"), secret };
    const probeSide = await startProbe(portalUrl);
    closers.push(probeSide.close);
    const cookie = await setUpProbe(pool, probeTarget.workspaceId, probeSide.receiver, nextAuthSecret);
    const probe = withProbe ? await probeSide.open(cookie) : null;
    if (!probe) await probeSide.close();

    const rows: RoundRow[] = [];
    const byTarget = new Map<string, PhaseResult[]>();
    const activities = new Map<string, Array<PhaseActivity & { events: number }>>();
    const probeResults: PhaseResult[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const target of targets) {
        const timing = {
          warmupSeconds: round === 0 ? WARMUP_SECONDS : SETTLE_SECONDS,
          seconds: PHASE_SECONDS,
          connections: CONNECTIONS,
        };
        log(
          `round ${round + 1}/${ROUNDS} ${target.name}: ${timing.warmupSeconds} s warm-up, ${PHASE_SECONDS} s measured (load ${load()})`,
        );
        const loadBefore = load();
        const watching = PG_STATS ? await watchPostgres(database.url) : null;
        const meter = meterCpu({ server: pids.get(target.baseUrl) as number }, postmaster);
        const clientCpu = process.cpuUsage();
        const [result, probed] = await Promise.all([
          runPhase(target, `${runId}r${round}`, timing),
          target.name === "portal" && probe
            ? runPaced({ ...probeTarget }, `${runId}r${round}`, PROBE_PER_SECOND, timing)
            : Promise.resolve(null),
        ]);
        // Per event: every event this phase stored, warm-up and probe included, as the statistics count them all.
        const stored = result.accepted.length + (probed?.accepted.length ?? 0);
        if (watching)
          activities.set(target.name, [
            ...(activities.get(target.name) ?? []),
            { ...(await watching.stop()), events: stored },
          ]);
        const seconds = meter.stop();
        const client = process.cpuUsage(clientCpu);
        if (probed) probeResults.push(probed);
        byTarget.set(target.name, [...(byTarget.get(target.name) ?? []), result]);
        const requests = Math.max(1, result.answered + (probed?.answered ?? 0));
        const cpu = {
          server: (seconds.server * 1e6) / requests,
          postgres: (seconds.postgres * 1e6) / requests,
          background: (seconds.postgresBackground * 1e6) / requests,
          client: (client.user + client.system) / requests,
        };
        rows.push({ ...summarise(result), round: round + 1, load: `${loadBefore}→${load()}`, cpu });
      }
    }

    let fairness: [PhaseResult, PhaseResult] | null = null;
    if (withProbe) {
      // Fairness: a flood beside a quiet workspace, at the same time, once.
      log(
        `fairness: one workspace floods over ${CONNECTIONS} connections while another sends 10 events/s (${WARMUP_SECONDS} s warm-up, ${PHASE_SECONDS} s measured)`,
      );
      const timing = { warmupSeconds: WARMUP_SECONDS, seconds: PHASE_SECONDS, connections: CONNECTIONS };
      fairness = await Promise.all([
        runPhase({ name: "flood", baseUrl: portalUrl, workspaceId: workspaceOf("flood"), secret }, runId, timing),
        runPaced({ name: "quiet", baseUrl: portalUrl, workspaceId: workspaceOf("quiet"), secret }, runId, 10, timing),
      ]);
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // the probe's last deliveries and frames

    printIngestReport(rows, targets, {
      connections: CONNECTIONS,
      rounds: ROUNDS,
      seconds: PHASE_SECONDS,
      switchOff: SWITCH_OFF,
      spread: SPREAD,
    });

    let lags: Lags | null = null;
    if (probe) {
      lags = lagsOf(
        // The measured windows' events: during a warm-up the portal is still being optimised.
        probeResults.flatMap((result) => result.accepted.filter((event) => event.sentAt >= result.measuredFrom)),
        probe.seen,
      );
      console.log(
        `lags under the portal phase's load (probe, ${PROBE_PER_SECOND} events/s, send → …): ${describeLags(lags)}; targets p99 ≤ 250 ms`,
      );
      await probe.close();
    }
    if (fairness) {
      const [floodRow, quietRow] = fairness.map(summarise);
      console.log(
        `fairness: quiet workspace (10 events/s) p50 ${quietRow.p50.toFixed(1)} ms, p99 ${quietRow.p99.toFixed(1)} ms, ${quietRow.good} accepted, other answers ${quietRow.other}; ` +
          `beside a flood of ${floodRow.perSecond.toFixed(0)} accepted events/s (other answers ${floodRow.other})`,
      );
    }
    for (const [name, list] of activities) {
      for (const [index, activity] of list.entries())
        console.log(describeActivity(`${name}, round ${index + 1}`, activity, activity.events));
    }

    // Nothing lost, nothing doubled, every job where its furthest accepted event put it.
    let problems = 0;
    const checked = [...byTarget.values()].map(merged);
    if (probeResults.length > 0) checked.push(merged(probeResults));
    if (fairness) checked.push(...fairness);
    for (const result of checked) if (!(await checkStored(pool, result, result.target.secret === null))) problems += 1;
    if (lags && (lags.liveMissing > 0 || lags.deliveryMissing > 0)) {
      console.log("check probe: some changes never reached the live stream or the endpoint — FAILED");
      problems += 1;
    }
    process.exitCode = problems === 0 ? 0 : 1;
  } finally {
    await cleanup();
    if (CPU_PROF) log(`CPU profile of the portal written to ${profileDir}`);
  }
}

await main();
