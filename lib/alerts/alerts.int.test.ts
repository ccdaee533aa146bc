import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { type Receiver, startReceiver } from "@/lib/delivery/testing/start-receiver";
import { type LocalSmtpServer, startLocalSmtpServer } from "@/lib/email/local-smtp-server";
import { createMailer } from "@/lib/email/mailer";
import { applyRuntimeEnv } from "@/lib/env";
import { insertJobHistory } from "@/lib/insight/testing/insert-job-history";
import { insertJobs } from "@/lib/jobs/testing/insert-test-jobs";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { getAlertConfig, updateAlertConfig } from "./alert-config";
import { detectAlerts } from "./detect-alerts";
import { evaluateAlerts } from "./evaluate-alerts";
import { listAlerts } from "./list-alerts";
import { alertConfigSchema } from "./schemas";
import type { AlertSenders } from "./send-alerts";

// Alerts end to end inside the portal's code: a real SMTP server on loopback, a real HTTP
// receiver standing in for Slack's incoming webhook, rows in a real PostgreSQL.
let smtp: LocalSmtpServer;
let chat: Receiver;
let senders: AlertSenders;

beforeAll(async () => {
  applyRuntimeEnv({ ALLOW_PRIVATE_WEBHOOK_URLS: "1" });
  smtp = await startLocalSmtpServer();
  chat = await startReceiver();
  senders = { mailer: createMailer({ server: smtp.url, from: "alerts@portal.test" }), policy: { allowPrivate: true } };
});
afterAll(async () => {
  await smtp.close();
  await chat.close();
});

async function workspaceWithAlerts(kinds: string[], email: string) {
  const ws = (await createTestWorkspace()).id;
  await updateAlertConfig(
    ws,
    alertConfigSchema.parse({ kinds, emails: [email], slackUrl: chat.url(`/chat/${ws}`), silentHours: 2 }),
  );
  return ws;
}

const chatFor = (ws: string) => chat.requests.filter((request) => request.path === `/chat/${ws}`);

describe("alerts", () => {
  it("mails and posts a failed job once, with a link to it, however many workers look", async () => {
    const email = `ops-${Date.now()}@example.com`;
    const ws = await workspaceWithAlerts(["job_failed"], email);
    const now = new Date();
    // The upstream's clock is a minute behind: the portal's own arrival time is what counts.
    const upstreamTime = new Date(now.getTime() - 60_000);
    await insertJobHistory(ws, {
      id: "job_boom",
      apiProduct: "dub",
      failureReason: "Media could not be decoded",
      lagMs: 60_000,
      history: [
        ["created", upstreamTime],
        ["failed", upstreamTime],
      ],
    });

    // Two workers at once, then a third later: one alert, sent once.
    await Promise.all([
      evaluateAlerts({ senders, workspaceIds: [ws] }),
      evaluateAlerts({ senders, workspaceIds: [ws] }),
    ]);
    await evaluateAlerts({ senders, workspaceIds: [ws] });

    const mail = await smtp.waitForMail((received) => received.to.includes(email));
    expect(mail.subject).toBe("[Jobs Portal] Dub job_boom failed");
    expect(mail.text).toContain("Media could not be decoded");
    expect(mail.links.some((link) => link.endsWith(`/w/${ws}/jobs/job_boom`))).toBe(true);
    expect(smtp.mails().filter((received) => received.to.includes(email))).toHaveLength(1);
    expect(chatFor(ws)).toHaveLength(1);
    expect(JSON.parse(chatFor(ws)[0].body).text).toContain("Dub job_boom failed");

    const [alert] = await listAlerts(ws);
    expect(alert).toMatchObject({ kind: "job_failed", status: "sent", digest: false, path: "/jobs/job_boom" });
  });

  it("sends more than 5 alerts in 10 minutes as one digest", async () => {
    const email = `digest-${Date.now()}@example.com`;
    const ws = await workspaceWithAlerts(["job_failed"], email);
    const now = new Date();
    for (let i = 0; i < 7; i++)
      await insertJobHistory(ws, {
        id: `job_fail_${i}`,
        apiProduct: "transcribe",
        history: [
          ["created", now],
          ["failed", now],
        ],
      });

    await evaluateAlerts({ senders, workspaceIds: [ws] });
    const mail = await smtp.waitForMail((received) => received.to.includes(email));
    expect(mail.subject).toBe("[Jobs Portal] 7 alerts");
    expect(smtp.mails().filter((received) => received.to.includes(email))).toHaveLength(1);
    expect(chatFor(ws)).toHaveLength(1);
    expect((await listAlerts(ws)).every((alert) => alert.status === "sent" && alert.digest)).toBe(true);
  });

  it("alerts stuck jobs, auto-disabled endpoints and a silent upstream, each once; nothing for another workspace", async () => {
    const ws = (await createTestWorkspace()).id;
    await updateAlertConfig(
      ws,
      alertConfigSchema.parse({
        kinds: ["job_stuck", "endpoint_disabled", "upstream_silent"],
        emails: [],
        silentHours: 2,
      }),
    );
    const now = new Date();
    const threeHoursAgo = new Date(now.getTime() - 3 * 3_600_000);
    const [jobId] = await insertJobs(ws, [
      { upstreamJobId: "job_slow", status: "transcribing", createdAt: threeHoursAgo },
    ]);
    await prisma.jobEvent.create({
      data: {
        workspaceId: ws,
        jobId,
        webhookId: "msg_last",
        event: "job.processing",
        status: "transcribing",
        occurredAt: threeHoursAgo,
        receivedAt: threeHoursAgo,
        disposition: "applied",
        payload: {},
      },
    });
    await prisma.webhookEndpoint.create({
      data: {
        workspaceId: ws,
        url: "https://1.1.1.1/hooks",
        eventTypes: ["job.completed"],
        secretEnc: "x",
        enabled: false,
        disabledReason: "No successful delivery for 5 days",
        disabledAt: now,
      },
    });

    expect(await detectAlerts(now, [ws])).toBe(3);
    expect(await detectAlerts(now, [ws])).toBe(0);
    const kinds = (await listAlerts(ws)).map((alert) => alert.kind).sort();
    expect(kinds).toEqual(["endpoint_disabled", "job_stuck", "upstream_silent"]);
    // No destination: the history says so.
    await evaluateAlerts({ senders, workspaceIds: [ws] });
    expect((await listAlerts(ws)).map((alert) => alert.lastError)).toEqual([
      "No destination is set",
      "No destination is set",
      "No destination is set",
    ]);
  });

  it("keeps the Slack URL sealed, refuses one the SSRF guard refuses, and reads back without it", async () => {
    const ws = (await createTestWorkspace()).id;
    applyRuntimeEnv({ ALLOW_PRIVATE_WEBHOOK_URLS: "0" });
    try {
      await expect(
        updateAlertConfig(
          ws,
          alertConfigSchema.parse({ kinds: [], emails: [], slackUrl: "http://169.254.169.254/hook", silentHours: 6 }),
        ),
      ).rejects.toThrow(/slackUrl/);
    } finally {
      applyRuntimeEnv({ ALLOW_PRIVATE_WEBHOOK_URLS: "1" });
    }
    const saved = await updateAlertConfig(
      ws,
      alertConfigSchema.parse({
        kinds: ["job_failed"],
        emails: ["A@Example.com"],
        slackUrl: chat.url("/x"),
        silentHours: 6,
      }),
    );
    expect(saved).toMatchObject({ kinds: ["job_failed"], emails: ["a@example.com"], slackConfigured: true });
    expect((await prisma.alertConfig.findUniqueOrThrow({ where: { workspaceId: ws } })).slackUrlEnc).not.toContain(
      "127.0.0.1",
    );
    expect(await getAlertConfig(ws)).not.toHaveProperty("slackUrl");
  });
});
