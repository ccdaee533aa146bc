import { describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/pool";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { applyEvents } from "./apply-events";
import { applyEventsQuery } from "./apply-events-statement";
import { buildEventInput, type EventInput } from "./build-event-input";
import { parseIngestPayload } from "./schemas";
import { dubJobEvents } from "./testing/sample-events";

// The ingest statement reads its tables by key, whatever their size: the planner guesses that the
// events' JSON holds 100 rows, and against a table of a few thousand rows (a new or small
// portal's) it would rather hash the whole table than probe its index 100 times — on every
// statement, for a group of a few events.

function inputOf(workspaceId: string, jobId: string, index: number): EventInput {
  const [created] = dubJobEvents(jobId);
  return buildEventInput(
    { workspaceId, webhookId: `msg_plan_${index}` },
    parseIngestPayload(created, JSON.stringify(created)),
    created,
  );
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

function scansOf(node: PlanNode): string[] {
  const own = node["Relation Name"] ? [`${node["Node Type"]} on ${node["Relation Name"]}`] : [];
  return [...own, ...(node.Plans ?? []).flatMap(scansOf)];
}

describe("the ingest statement's plan", () => {
  it("probes JobEvent and Job by index, never scans them, when they hold a few thousand rows", async () => {
    const workspace = await createTestWorkspace();
    const pool = getPool("ingest");
    for (let from = 0; from < 3_000; from += 250) {
      const inputs = Array.from({ length: 250 }, (_, i) => inputOf(workspace.id, `job_plan_${from + i}`, from + i));
      await applyEvents(inputs, pool);
    }
    await pool.query(`ANALYZE "Job", "JobEvent"`);

    const group = Array.from({ length: 8 }, (_, i) => inputOf(workspace.id, `job_plan_new_${i}`, 10_000 + i));
    const query = applyEventsQuery(group);
    const { rows } = await pool.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(
      `EXPLAIN (FORMAT JSON) ${query.text}`,
      query.values,
    );
    const scans = scansOf(rows[0]["QUERY PLAN"][0].Plan);
    for (const table of ["JobEvent", "Job"]) {
      expect(scans).not.toContain(`Seq Scan on ${table}`);
      expect(scans.some((scan) => /Index/.test(scan) && scan.endsWith(` on ${table}`))).toBe(true);
    }
  });
});
