import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { allowJobsApiBaseUrls } from "@/lib/upstream/testing/allow-base-urls";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { samplePayload, T0 } from "./testing/sample-events";
import { countRows, postSigned } from "./testing/webhook-requests";

// An inbound job.completed is signed with the workspace's own secret — which a stranger who owns
// the workspace has. Its output URLs are checked like the upstream's download-result answers:
// https:// to a public address, or on the workspace's own Jobs API origin. Nothing else is stored.

const UPSTREAM = "http://127.0.0.1:4999";
const completedWith = (url: string, jobId = `job_${Math.random().toString(36).slice(2, 10)}`) =>
  samplePayload("transcribe", "transcribed", jobId, T0, {
    outputs: [{ url, expiresAt: "2025-12-07T13:34:56Z", sizeBytes: 10 }],
  });

describe("output URLs in an inbound webhook", () => {
  it.each([
    ["javascript:alert(document.cookie)", "data.outputs.0.url: must be an http(s) URL"],
    ["data:text/html,<script>alert(1)</script>", "data.outputs.0.url: must be an http(s) URL"],
    ["file:///etc/passwd", "data.outputs.0.url: must be an http(s) URL"],
    ["http://files.example.com/a.srt", "data.outputs.0.url: must be an https:// URL (or on the Jobs API's own origin)"],
    ["http://127.0.0.1:5432/a.srt", "data.outputs.0.url: must be an https:// URL (or on the Jobs API's own origin)"],
    [
      "https://169.254.169.254/latest/meta-data/",
      "data.outputs.0.url: must point to a public address: 169.254.169.254 is not a public address (link-local, cloud metadata)",
    ],
  ])("%s is refused with 400 naming the field, and nothing is stored", async (url, message) => {
    const workspace = await createTestWorkspace();
    allowJobsApiBaseUrls(UPSTREAM);
    await prisma.workspace.update({ where: { id: workspace.id }, data: { upstreamBaseUrl: UPSTREAM } });
    const response = await postSigned(workspace, completedWith(url));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "INVALID_REQUEST", message } });
    expect(await countRows(workspace.id)).toEqual({ jobs: 0, events: 0, outputs: 0 });
  });

  it("https:// links, and links on the workspace's own Jobs API origin, are taken", async () => {
    const workspace = await createTestWorkspace();
    expect(
      (await postSigned(workspace, completedWith("https://s3.amazonaws.com/bucket/a.srt?X-Amz-Signature=1"))).status,
    ).toBe(200);
    // Not yet connected: an http link has no origin to be on.
    expect((await postSigned(workspace, completedWith(`${UPSTREAM}/files/a.srt?sig=1`))).status).toBe(400);
    allowJobsApiBaseUrls(UPSTREAM);
    await prisma.workspace.update({ where: { id: workspace.id }, data: { upstreamBaseUrl: UPSTREAM } });
    expect((await postSigned(workspace, completedWith(`${UPSTREAM}/files/a.srt?sig=1`))).status).toBe(200);
    expect(await countRows(workspace.id)).toMatchObject({ jobs: 2, outputs: 2 });
  });
});
