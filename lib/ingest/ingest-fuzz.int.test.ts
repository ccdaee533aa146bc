import { describe, expect, it } from "vitest";
import { errorEnvelopeSchema } from "@/lib/contract/errors";
import { type ApiProduct, WORKFLOWS } from "@/lib/workflow/workflows";
import { seededRandom } from "@/simulator/testing/seeded-random";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { sampleOutput, samplePayload, T0 } from "./testing/sample-events";
import { postSigned } from "./testing/webhook-requests";

// Validly signed, malformed payloads — missing and mistyped fields, huge and deep values, odd
// scalars, truncated JSON — generated from a fixed seed: every answer is 2xx, 400 or 413 in the
// error envelope, never a 5xx (which a sender would retry forever).

const random = seededRandom(20261201);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
// Deep values cannot go through JSON.stringify (its recursion is the very problem), so they are
// placeholders in the value, replaced by their text after serialising.
const RAW: Record<string, string> = {
  "<<arrays 64>>": "[".repeat(64) + "]".repeat(64),
  "<<arrays 5000>>": "[".repeat(5_000) + "]".repeat(5_000),
  "<<objects 3000>>": `${'{"k":'.repeat(2_999)}{}${"}".repeat(2_999)}`,
};
const serialise = (value: unknown) =>
  JSON.stringify(value).replace(/"(<<[a-z]+ \d+>>)"/g, (_, token: string) => RAW[token] ?? token);

const ODD_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  Number.MIN_VALUE,
  "",
  " ",
  "\u0000",
  "\uD800",
  "😀",
  "x".repeat(100_000),
  [],
  {},
  [null],
  { jobId: "job_x" },
  "<<arrays 64>>",
  "<<arrays 5000>>",
  "<<objects 3000>>",
  "NaN",
  "Infinity",
  "2025-13-45T99:99:99Z",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59.999Z",
  "1970-01-01T00:00:00Z",
  "+275760-09-13T00:00:00.000Z",
  "-271821-04-20T00:00:00Z",
  "2025-12-07T12:00:00+14:00",
  "2025-12-07T12:00:00-23:59",
  "job.completed",
  "job.",
  "transcribe",
  "__proto__",
  "javascript:alert(1)",
  "https://s3.amazonaws.com/b/p.srt?X-Amz-Signature=abc",
  `https://${"a".repeat(5_000)}.example/x.srt`,
];

const FIELDS = [
  "event",
  "timestamp",
  "data",
  "data.jobId",
  "data.status",
  "data.apiProduct",
  "data.duration",
  "data.wordCount",
  "data.cost",
  "data.outputs",
  "data.reason",
  "data.outputs.0",
  "data.outputs.0.url",
  "data.outputs.0.sizeBytes",
  "data.outputs.0.outputIndex",
  "data.outputs.0.expiresAt",
  "data.extra",
  "extra",
  "__proto__",
  "data.__proto__",
];

function validPayload(): Record<string, unknown> {
  const product = pick<ApiProduct>(["transcribe", "translate", "voiceover", "dub"]);
  const steps = WORKFLOWS[product].steps;
  const status = pick([...steps, "failed", "rejected"] as const);
  const completed = status === steps[steps.length - 1];
  const extra = completed
    ? {
        duration: 12.5,
        cost: 1.25,
        outputs: [sampleOutput(`job/out.${product === "transcribe" ? "srt" : "mp4"}`, 1234, 0)],
      }
    : {};
  const jobId = `job_fuzz_${Math.floor(random() * 50)}`;
  return JSON.parse(
    JSON.stringify(samplePayload(product, status, jobId, T0 + Math.floor(random() * 1e9), extra)),
  ) as Record<string, unknown>;
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown, remove: boolean): void {
  const keys = dotted.split(".");
  let node: unknown = target;
  for (const key of keys.slice(0, -1)) {
    if (!node || typeof node !== "object") return;
    const next = (node as Record<string, unknown>)[key];
    if (!next || typeof next !== "object") (node as Record<string, unknown>)[key] = {};
    node = (node as Record<string, unknown>)[key];
  }
  const last = keys[keys.length - 1];
  if (remove) delete (node as Record<string, unknown>)[last];
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
}

/** One malformed body (text), of one of several kinds. */
function malformedBody(): string {
  const kind = random();
  const payload = validPayload();
  if (kind < 0.3) {
    setPath(payload, pick(FIELDS), undefined, true);
    return JSON.stringify(payload);
  }
  if (kind < 0.75) {
    for (let i = 0, n = 1 + Math.floor(random() * 3); i < n; i += 1)
      setPath(payload, pick(FIELDS), pick(ODD_VALUES), false);
    return serialise(payload);
  }
  if (kind < 0.82) {
    const data = payload.data as Record<string, unknown>;
    data.outputs = pick([
      Array.from({ length: 20_000 }, (_, i) => ({ outputIndex: i, url: `https://x.example/${i}.srt`, sizeBytes: 1 })),
      [{ url: "https://x.example/a.srt", sizeBytes: 1e300 }],
      [{ url: "https://x.example/a.srt", sizeBytes: -1, outputIndex: -1 }],
      [{ url: "https://x.example/a.srt", sizeBytes: 1, outputIndex: 2 ** 31 }],
      [{ url: "ftp://x.example/a.srt", sizeBytes: 1 }],
      "not an array",
    ]);
    return JSON.stringify(payload);
  }
  if (kind < 0.92) {
    const text = JSON.stringify(payload);
    return text.slice(0, Math.floor(random() * text.length)); // truncated
  }
  return pick([
    "null",
    "[]",
    "1",
    '"x"',
    "true",
    "",
    " ",
    "{}",
    '{"event":"job.created","event":"job.failed","timestamp":"2025-12-07T12:00:00Z","data":{"jobId":"job_dup","status":"created","apiProduct":"dub"}}',
    '{"event":"job.created","timestamp":"2025-12-07T12:00:00Z","data":{"jobId":"job_big","status":"created","apiProduct":"dub","duration":1e999}}',
    "\uFEFF{}",
    '{"a":"\\ud800"}',
    `{"event":"job.archived","timestamp":"2025-12-07T12:00:00Z","data":{"jobId":"job_deep","apiProduct":"dub","x":${"[".repeat(100_000)}${"]".repeat(100_000)}}}`,
    `{"event":"job.archived","timestamp":"2025-12-07T12:00:00Z","data":{"jobId":"job_big","apiProduct":"dub","x":"${"y".repeat(2_000_000)}"}}`,
  ]);
}

describe("signed, malformed payloads", () => {
  it("are answered 2xx, 400 or 413 with the envelope — never a 5xx", async () => {
    const workspace = await createTestWorkspace();
    const answers = new Map<number, number>();
    const failures: string[] = [];
    for (let n = 0; n < 1_500; n += 1) {
      const body = malformedBody();
      const response = await postSigned(workspace, body);
      answers.set(response.status, (answers.get(response.status) ?? 0) + 1);
      const text = await response.text();
      const ok = response.status >= 200 && response.status < 300;
      const expected =
        ok ||
        ((response.status === 400 || response.status === 413) &&
          errorEnvelopeSchema.safeParse(JSON.parse(text)).success);
      if (!expected && failures.length < 10)
        failures.push(`${response.status} ${text.slice(0, 200)} for ${body.slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
    expect(answers.get(400)).toBeGreaterThan(100); // the generator does produce malformed payloads
  }, 300_000);
});
