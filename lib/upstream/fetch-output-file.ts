import type { Readable } from "node:stream";
import { outputUrlProblem } from "@/lib/contract/output-url";
import { OutboundError } from "@/lib/outbound/outbound-error";
import { type PhaseTimeouts, sendRequest } from "@/lib/outbound/send-request";
import type { ResolveHost } from "@/lib/ssrf/resolve-host";
import { UPSTREAM_POLICY } from "./post-download-result";

// One output file, fetched by the server for the zip. Where it may come from: the configured
// upstream's own origin (the operator's choice: http or https, any address but cloud metadata),
// or else https:// on a public address, checked again at connect time. Redirects are not followed.
// Per-phase timeouts, none for the whole transfer: a large video over a slow but steady link
// arrives; a transfer silent for FILE_TIMEOUTS.idleMs does not.
export const FILE_TIMEOUTS: PhaseTimeouts = { connectMs: 10_000, firstByteMs: 30_000, idleMs: 30_000 };

export interface OutputFileOptions {
  timeouts?: PhaseTimeouts;
  resolve?: ResolveHost;
  signal?: AbortSignal;
}

/** The file's body as a stream; an OutboundError when it may not or cannot be fetched. */
export async function fetchOutputFile(
  rawUrl: string,
  upstreamOrigin: string,
  options: OutputFileOptions = {},
): Promise<Readable> {
  const problem = outputUrlProblem(rawUrl, upstreamOrigin);
  if (problem) throw new OutboundError({ kind: "refused", reason: `output URL ${problem}` });
  const url = new URL(rawUrl);
  const response = await sendRequest({
    method: "GET",
    url,
    policy: url.origin === upstreamOrigin ? UPSTREAM_POLICY : { allowPrivate: false },
    timeouts: options.timeouts ?? FILE_TIMEOUTS,
    resolve: options.resolve,
    signal: options.signal,
  });
  if (response.status < 200 || response.status >= 300) {
    response.body.destroy();
    throw new OutboundError({ kind: "status", status: response.status });
  }
  return response.body;
}
