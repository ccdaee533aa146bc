import { prisma } from "@/lib/db/client";

// Integration-test support: a workspace's job counters (hours and days, copies summed) as comparable text, rows that net to
// nothing left out (the ingest keeps a row a job has left; a recount writes none).
export async function readJobCounters(workspaceId: string): Promise<string[]> {
  const rows = await prisma.$queryRaw<Array<{ row: string }>>`
    SELECT concat_ws(' ', 'hour', hour::text, "apiProduct"::text, state::text, sum(jobs), sum(cost)::text, sum("mediaSeconds")::text) AS row
      FROM "JobCounter" WHERE "workspaceId" = ${workspaceId}
     GROUP BY hour, "apiProduct", state HAVING sum(jobs) <> 0 OR sum(cost) <> 0 OR sum("mediaSeconds") <> 0
    UNION ALL
    SELECT concat_ws(' ', 'day', day::date::text, "apiProduct"::text, state::text, sum(jobs), sum(cost)::text, sum("mediaSeconds")::text)
      FROM "JobDayCounter" WHERE "workspaceId" = ${workspaceId}
     GROUP BY day, "apiProduct", state HAVING sum(jobs) <> 0 OR sum(cost) <> 0 OR sum("mediaSeconds") <> 0
     ORDER BY 1`;
  return rows.map((row) => row.row);
}
