import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { sampleOutput, samplePayload, T0 } from "@/lib/ingest/testing/sample-events";
import { listRefusals } from "./list-refusals";
import { HMAC_PRESETS } from "./presets";
import { flushRefusals, KEEP_PER_WORKSPACE, MAX_DISTINCT_PER_FLUSH, recordRefusal } from "./refusal-log";
import { createProfileWorkspace, hmacHeaders, post } from "./testing/profile-requests";
import { WebhookRefusal } from "./webhook-refusal";

// The refused-requests log: what a refusal records (and redacts), who sees the signature details,
// and the bounds that keep refusals from flooding the database.
afterAll(async () => {
  await flushRefusals();
});

const github = HMAC_PRESETS.find((preset) => preset.id === "github")!.profile;
const SECRET = "vendor-shown-secret-for-refusals";
const completed = JSON.stringify(
  samplePayload("transcribe", "transcribed", "job_r1", T0, {
    outputs: [sampleOutput("out/path.srt", 1234)],
    note: `leaked ${SECRET}`,
  }),
);

describe("a refused request is recorded", () => {
  it("with its reason, header names and a redacted excerpt; the signature details for managers only", async () => {
    const workspaceId = await createProfileWorkspace(github, SECRET);
    const signed = hmacHeaders(github, SECRET, completed);
    // Signed over the completed body, sent with one character changed: a signature mismatch.
    const tampered = completed.replace("1234", "1235");
    expect((await post(workspaceId, tampered, { ...signed, "x-trace": "t1" })).status).toBe(401);
    await flushRefusals();

    const [refusal] = (await listRefusals(workspaceId, { withSignature: true })).data;
    expect(refusal).toMatchObject({
      reason: "signature_mismatch",
      message: "Webhook signature does not match",
      httpStatus: 401,
      count: 1,
    });
    expect(refusal.headerNames).toEqual(expect.arrayContaining(["content-type", "x-hub-signature-256", "x-trace"]));
    expect(refusal.bodyExcerpt).toContain("https://s3.amazonaws.com/bucket/out/path.srt?[redacted]");
    expect(refusal.bodyExcerpt).not.toContain("X-Amz-Signature");
    expect(refusal.bodyExcerpt).toContain("leaked [secret]");
    expect(refusal.signature?.signedContent).toBe("{body}");
    expect(refusal.signature?.signingString).toContain('"sizeBytes":1235');
    expect(refusal.signature?.signingString).not.toContain("X-Amz-Signature");
    expect(refusal.signature?.signingString).not.toContain(SECRET);
    expect(refusal.signature?.signingStringBytes).toBe(Buffer.byteLength(tampered));
    const sent = signed["x-hub-signature-256"].slice("sha256=".length);
    expect(refusal.signature?.received).toEqual([`sha256=${sent.slice(0, 4)}…${sent.slice(-4)}`]);
    expect(refusal.signature?.expected).toHaveLength(1);
    expect(refusal.signature?.expected[0].signature).toMatch(/^sha256=[0-9a-f]{4}…[0-9a-f]{4}$/);
    // The stored row holds no full signature and no header values.
    const row = await prisma.inboundRefusal.findFirstOrThrow({ where: { workspaceId } });
    expect(JSON.stringify(row)).not.toContain(sent);
    expect(JSON.stringify(row)).not.toContain("t1");

    expect((await listRefusals(workspaceId, { withSignature: false })).data[0].signature).toBeNull();
  });

  it.each([
    ["missing_header", () => ({ "content-type": "application/json" }), completed],
    ["body_not_json", (workspaceBody: string) => hmacHeaders(github, SECRET, workspaceBody), "{not json"],
    [
      "contract_field",
      (workspaceBody: string) => hmacHeaders(github, SECRET, workspaceBody),
      JSON.stringify({ event: "job.created", data: {} }),
    ],
  ] as const)("for %s", async (reason, headersFor, requestBody) => {
    const workspaceId = await createProfileWorkspace(github, SECRET);
    const response = await post(workspaceId, requestBody, headersFor(requestBody));
    expect(response.status).toBe(reason === "missing_header" ? 401 : 400);
    await flushRefusals();
    const [refusal] = (await listRefusals(workspaceId, { withSignature: true })).data;
    expect(refusal.reason).toBe(reason);
    expect(refusal.signature).toBeNull();
  });

  it("only in its own workspace's list", async () => {
    const mine = await createProfileWorkspace(github, SECRET);
    const other = await createProfileWorkspace(github, SECRET);
    await post(mine, completed, { "content-type": "application/json" });
    await flushRefusals();
    expect((await listRefusals(mine, { withSignature: true })).data).toHaveLength(1);
    expect((await listRefusals(other, { withSignature: true })).data).toEqual([]);
  });

  it("nothing for an unknown workspace, whatever is sent", async () => {
    const before = await prisma.inboundRefusal.count();
    for (let i = 0; i < 20; i++)
      expect((await post(`no_such_workspace_${i % 3}`, completed, { "x-n": String(i) })).status).toBe(404);
    await flushRefusals();
    expect(await prisma.inboundRefusal.count()).toBe(before);
  });
});

describe("refusals cannot flood the database", () => {
  const headersWith = (name: string) => new Headers({ "content-type": "application/json", [name]: "1" });

  it("alike refusals raise one row's count, in a flush and across flushes within a minute", async () => {
    const workspaceId = await createProfileWorkspace(github, SECRET);
    for (let i = 0; i < 200; i++)
      expect((await post(workspaceId, completed, { "content-type": "application/json" })).status).toBe(401);
    await flushRefusals();
    for (let i = 0; i < 50; i++) await post(workspaceId, completed, { "content-type": "application/json" });
    await flushRefusals();
    const rows = await prisma.inboundRefusal.findMany({ where: { workspaceId }, select: { count: true } });
    expect(rows).toEqual([{ count: 250 }]);
  });

  it("a burst of distinct refusals stores at most a few per flush, and a workspace keeps its latest 50", async () => {
    const workspaceId = await createProfileWorkspace(github, SECRET);
    const refusal = new WebhookRefusal("missing_header", "Missing X-Hub-Signature-256 header");
    for (let i = 0; i < 1000; i++)
      recordRefusal(workspaceId, refusal, { headers: headersWith(`x-burst-${i}`), body: "{}" });
    await flushRefusals();
    expect(await prisma.inboundRefusal.count({ where: { workspaceId } })).toBe(MAX_DISTINCT_PER_FLUSH);

    for (let round = 0; round < 12; round++) {
      for (let i = 0; i < MAX_DISTINCT_PER_FLUSH; i++) {
        recordRefusal(
          workspaceId,
          refusal,
          { headers: headersWith(`x-round-${round}-${i}`), body: "{}" },
          Date.now() + round * 10 + i,
        );
      }
      await flushRefusals();
    }
    const kept = await listRefusals(workspaceId, { withSignature: true });
    expect(kept.data).toHaveLength(KEEP_PER_WORKSPACE);
    // Newest first: the last round's refusals lead, the first burst's are gone.
    expect(kept.data[0].headerNames).toContain("x-round-11-4");
    expect(kept.data.some((row) => row.headerNames.some((name) => name.startsWith("x-burst-")))).toBe(false);
  });
});
