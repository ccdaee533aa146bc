import { outputUrlProblem } from "@/lib/contract/output-url";
import { ApiError } from "@/lib/http/api-error";
import { getUpstreamOrigin } from "@/lib/upstream/get-upstream-connection";
import type { IngestPayload } from "./schemas";

/**
 * An event's output URLs must be links this portal may hand out (lib/contract/output-url.ts):
 * https:// to a public address, or on the workspace's own Jobs API origin. Anything else is a 400
 * naming the field, before anything is stored. The origin costs a query only for a link that is
 * not plain https, such as the simulator's http://127.0.0.1 ones.
 */
export async function assertOutputUrlsAllowed(workspaceId: string, parsed: IngestPayload): Promise<void> {
  if (parsed.kind !== "known" || !parsed.payload.data.outputs?.length) return;
  const { outputs } = parsed.payload.data;
  if (outputs.every((output) => outputUrlProblem(output.url, null) === null)) return;
  const origin = await getUpstreamOrigin(workspaceId);
  for (const [position, output] of outputs.entries()) {
    const problem = outputUrlProblem(output.url, origin);
    if (problem) throw new ApiError("INVALID_REQUEST", `data.outputs.${position}.url: ${problem}`);
  }
}
