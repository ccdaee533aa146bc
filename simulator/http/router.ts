import type { IncomingMessage, ServerResponse } from "node:http";
import { DOWNLOAD_MESSAGES } from "@/lib/contract/download-result";
import { isApiProduct } from "@/lib/workflow/workflows";
import { FILES_PREFIX } from "../outputs/output-links";
import { authenticate } from "./auth";
import { sendPreflight, setCorsHeaders } from "./cors";
import { handleCreateJob } from "./create-job-route";
import { handleDownloadResult } from "./download-result-route";
import { handleFile } from "./file-route";
import { sendError, sendJson } from "./respond";
import type { RouteContext } from "./route-context";

const PRODUCT_ROUTE = /^\/v1\/([a-z]+)$/;
const DOWNLOAD_ROUTE = /^\/v1\/jobs\/([^/]+)\/download-result$/;
const FILE_ROUTE = new RegExp(`^${FILES_PREFIX}/([^/]+)/([^/]+)$`);

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export function createRequestHandler(ctx: RouteContext) {
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    const method = req.method ?? "GET";
    const notFound = () => sendError(res, "RESOURCE_NOT_FOUND", `No route for ${method} ${url.pathname}`);

    if (url.pathname === "/health" && method === "GET") return sendJson(res, 200, { status: "ok" });
    if (url.pathname.startsWith("/v1/") || url.pathname.startsWith(`${FILES_PREFIX}/`)) {
      if (method === "OPTIONS") return sendPreflight(res);
      setCorsHeaders(res);
    }

    const file = FILE_ROUTE.exec(url.pathname);
    if (file && (method === "GET" || method === "HEAD")) {
      const [jobId, name] = [decode(file[1]), decode(file[2])];
      if (jobId === undefined || name === undefined) return notFound();
      return handleFile(req, res, ctx, url, jobId, name);
    }

    const product = PRODUCT_ROUTE.exec(url.pathname)?.[1];
    const download = DOWNLOAD_ROUTE.exec(url.pathname);
    if (method !== "POST" || !((product && isApiProduct(product)) || download)) return notFound();

    const auth = authenticate(req, ctx.apiKeys);
    if (!auth.ok) {
      res.setHeader("www-authenticate", 'Bearer realm="jobs-api"');
      return sendError(res, "UNAUTHORIZED", auth.message);
    }

    if (product && isApiProduct(product)) return handleCreateJob(req, res, ctx, auth.apiKey, product);
    const jobId = download ? decode(download[1]) : undefined;
    if (jobId === undefined) return sendError(res, "RESOURCE_NOT_FOUND", DOWNLOAD_MESSAGES.notFound);
    return handleDownloadResult(req, res, ctx, auth.apiKey, jobId);
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    route(req, res).catch((error: unknown) => {
      // Masked: the cause goes to the log, never to the client.
      ctx.log(`internal error on ${req.method} ${req.url}: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) sendError(res, "INTERNAL_ERROR", "Internal error");
      else res.destroy();
    });
  };
}
