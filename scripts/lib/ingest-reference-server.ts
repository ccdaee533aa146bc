// The reference receiver of `npm run bench:ingest`: a minimal node:http + pg server doing the same
// checks and writes as the portal's webhook route (lib/ingest's pure parts, its one SQL statement
// and its group commit) without Next.js. Run by the benchmark as a child process over IPC.
import http from "node:http";
import type net from "node:net";

export async function runReferenceServer(): Promise<void> {
  const config = await new Promise<{ workspaceId: string; secret: string }>((resolve) =>
    process.once("message", resolve),
  );
  const { Webhook } = await import("standardwebhooks");
  const { ApiError } = await import("@/lib/http/api-error");
  const { decodeExactUtf8 } = await import("@/lib/http/read-capped-body");
  const { MAX_WEBHOOK_BODY_BYTES } = await import("@/lib/http/body-limits");
  const { isSignedByAny, readWebhookHeaders } = await import("@/lib/ingest/verify-signature");
  const { parseIngestPayload } = await import("@/lib/ingest/schemas");
  const { buildEventInput } = await import("@/lib/ingest/build-event-input");
  const { applyEventGroupCommitted } = await import("@/lib/ingest/group-commits");
  const verifiers = [new Webhook(config.secret)];

  const readBody = (request: http.IncomingMessage) =>
    new Promise<Buffer>((resolve, reject) => {
      if (Number(request.headers["content-length"]) > MAX_WEBHOOK_BODY_BYTES)
        return reject(new ApiError("PAYLOAD_TOO_LARGE", "too large"));
      const chunks: Buffer[] = [];
      let size = 0;
      request.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_WEBHOOK_BODY_BYTES) {
          request.destroy();
          reject(new ApiError("PAYLOAD_TOO_LARGE", "too large"));
        } else chunks.push(chunk);
      });
      request.on("end", () => resolve(Buffer.concat(chunks)));
      request.on("error", reject);
    });

  const server = http.createServer(async (request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    try {
      const bytes = await readBody(request);
      if (request.url !== `/api/webhooks/${config.workspaceId}`)
        throw new ApiError("RESOURCE_NOT_FOUND", "Workspace not found");
      const headers = readWebhookHeaders(new Headers(request.headers as Record<string, string>));
      const text = decodeExactUtf8(bytes);
      if (text === null || !isSignedByAny(verifiers, text, headers))
        throw new ApiError("UNAUTHORIZED", "Webhook signature does not match");
      const json = JSON.parse(text) as unknown;
      const input = buildEventInput(
        { workspaceId: config.workspaceId, webhookId: headers.id },
        parseIngestPayload(json, text),
        json,
      );
      const result = await applyEventGroupCommitted(input);
      send(200, { received: true, disposition: result.disposition });
    } catch (error) {
      if (error instanceof ApiError) send(error.status, { error: { code: error.code, message: error.message } });
      else send(500, { error: { code: "INTERNAL_ERROR", message: "Internal server error" } });
    }
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => {
    const address = server.address() as net.AddressInfo;
    process.send?.({ port: address.port });
  });
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

await runReferenceServer();
