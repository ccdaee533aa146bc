import type { IncomingMessage, ServerResponse } from "node:http";
import { DEFAULT_STATUS, type ErrorCode, errorEnvelope } from "@/lib/contract/errors";

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  res.end(text);
}

/** The Jobs API's error envelope: {"error": {"code", "message"}}. */
export function sendError(res: ServerResponse, code: ErrorCode, message: string): void {
  sendJson(res, DEFAULT_STATUS[code], errorEnvelope(code, message));
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c);

/** File links fail the way S3 fails, so a client that only knows the JSON envelope is caught out here too. */
export function sendS3Error(res: ServerResponse, status: number, code: string, message: string): void {
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>`;
  res.writeHead(status, { "content-type": "application/xml", "content-length": Buffer.byteLength(xml) });
  res.end(res.req.method === "HEAD" ? undefined : xml);
}

export type BodyResult = { ok: true; text: string } | { ok: false; reason: "too_large" };

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<BodyResult> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limitBytes) return { ok: false, reason: "too_large" };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) return { ok: false, reason: "too_large" };
    chunks.push(chunk as Buffer);
  }
  return { ok: true, text: Buffer.concat(chunks).toString("utf8") };
}
