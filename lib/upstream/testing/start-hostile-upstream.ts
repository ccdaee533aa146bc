import http from "node:http";
import type { AddressInfo } from "node:net";
import { type ApiProduct, WORKFLOWS } from "@/lib/workflow/workflows";

// Tests: a local node:http server playing a workspace's upstream as a stranger would — answering
// download-result with whatever output URLs the test scripts, serving files slowly, stalling,
// redirecting — and recording every request it receives (with the key it was sent).
export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
}

export type FileReply =
  | { kind: "bytes"; body: Buffer | string }
  /** `count` chunks of `chunkBytes`, one every `everyMs`: slow, but never silent for long. */
  | { kind: "steady"; chunkBytes: number; count: number; everyMs: number }
  /** `bytes` at once, then silence with the connection left open. */
  | { kind: "stall"; bytes: number }
  | { kind: "redirect"; location: string };

export interface DownloadResultReply {
  status: number;
  /** JSON-encoded; `endless` streams an answer that never ends (a few MiB per second). */
  body?: unknown;
  endless?: boolean;
}

export interface HostileUpstream {
  /** Base URL, e.g. http://127.0.0.1:43121 */
  url: string;
  requests: RecordedRequest[];
  /** How download-result answers; receives the job id. */
  answer(reply: (jobId: string) => DownloadResultReply): void;
  /** Serves `/files/{name}`. */
  serve(name: string, reply: FileReply): void;
  /** Bytes written into endless answers so far. */
  endlessBytesWritten(): number;
  close(): Promise<void>;
}

/** The documented download-result body with the given output URLs. */
export function downloadResultBody(jobId: string, urls: string[], apiProduct: ApiProduct = "transcribe") {
  const expiresAt = new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
  return {
    jobId,
    apiProduct,
    expiresAt,
    outputs: urls.map((url, index) => ({
      ...(WORKFLOWS[apiProduct].output.indexed ? { outputIndex: index } : {}),
      url,
      expiresAt,
      sizeBytes: 1,
    })),
  };
}

export async function startHostileUpstream(): Promise<HostileUpstream> {
  const requests: RecordedRequest[] = [];
  const files = new Map<string, FileReply>();
  let reply: (jobId: string) => DownloadResultReply = () => ({
    status: 404,
    body: { error: { code: "RESOURCE_NOT_FOUND", message: "Job not found" } },
  });
  let endlessBytes = 0;

  const serveFile = (reply: FileReply, response: http.ServerResponse) => {
    if (reply.kind === "redirect") return void response.writeHead(302, { location: reply.location }).end();
    if (reply.kind === "bytes")
      return void response.writeHead(200, { "content-type": "application/octet-stream" }).end(reply.body);
    response.writeHead(200, { "content-type": "video/mp4" });
    if (reply.kind === "stall") return void response.write(Buffer.alloc(reply.bytes, 1));
    let sent = 0;
    const timer = setInterval(() => {
      response.write(Buffer.alloc(reply.chunkBytes, 2));
      sent += 1;
      if (sent === reply.count) {
        clearInterval(timer);
        response.end();
      }
    }, reply.everyMs);
    response.on("close", () => clearInterval(timer));
  };

  const server = http.createServer((request, response) => {
    const path = request.url ?? "/";
    requests.push({ method: request.method ?? "", path, authorization: request.headers.authorization });
    request.resume();
    const job = /^\/v1\/jobs\/([^/]+)\/download-result$/.exec(path);
    if (request.method === "POST" && job) {
      const answer = reply(decodeURIComponent(job[1]));
      response.writeHead(answer.status, { "content-type": "application/json" });
      if (!answer.endless) return void response.end(JSON.stringify(answer.body ?? {}));
      const chunk = Buffer.alloc(64 * 1024, 32);
      const pump = () => {
        while (!response.destroyed) {
          endlessBytes += chunk.length;
          if (!response.write(chunk)) return; // on again at "drain"
        }
      };
      response.write('{"jobId": "');
      response.on("drain", pump);
      return pump();
    }
    const file = files.get(decodeURIComponent(path.replace(/^\/files\//, "").replace(/\?.*$/, "")));
    if (request.method === "GET" && path.startsWith("/files/") && file) return serveFile(file, response);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    answer: (next) => void (reply = next),
    serve: (name, fileReply) => void files.set(name, fileReply),
    endlessBytesWritten: () => endlessBytes,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Tests: an internal service a stranger would like to read through the portal; it records every request. */
export async function startInternalService(): Promise<{ port: number; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request.url ?? "/");
    response.end("INTERNAL SECRET: db password hunter2");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
