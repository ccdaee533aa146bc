import type { IncomingMessage, ServerResponse } from "node:http";
import { sendS3Error } from "./respond";
import type { RouteContext } from "./route-context";

/** The byte range a Range header asks for; players seek with these, so video links honour them. */
function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | "unsatisfiable" | undefined {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === "" && match[2] === "")) return undefined;
  const [first, last] = [match[1], match[2]];
  const start = first === "" ? Math.max(0, size - Number(last)) : Number(first);
  const end = first === "" || last === "" ? size - 1 : Math.min(Number(last), size - 1);
  return start > end || start >= size ? "unsatisfiable" : { start, end };
}

/** GET|HEAD /files/{jobId}/{name}: public, authorized by the presigned query string alone. */
export function handleFile(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext,
  url: URL,
  jobId: string,
  name: string,
): void {
  const check = ctx.presigner.check(url.pathname, url.searchParams);
  if (!check.ok) return sendS3Error(res, 403, check.code, check.message);
  const output = ctx.store.get(jobId)?.outputs?.find((candidate) => candidate.name === name);
  if (!output) return sendS3Error(res, 404, "NoSuchKey", "The specified key does not exist.");

  const size = output.body.length;
  const headers: Record<string, string | number> = {
    "content-type": output.contentType,
    "content-disposition": `attachment; filename="${jobId}_${name}"`,
    "accept-ranges": "bytes",
    "cache-control": "private, max-age=0",
  };
  const range = parseRange(req.headers.range, size);
  if (range === "unsatisfiable") {
    res.writeHead(416, { ...headers, "content-range": `bytes */${size}`, "content-length": 0 });
    return void res.end();
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  res.writeHead(range ? 206 : 200, {
    ...headers,
    "content-length": end - start + 1,
    ...(range ? { "content-range": `bytes ${start}-${end}/${size}` } : {}),
  });
  res.end(req.method === "HEAD" ? undefined : output.body.subarray(start, end + 1));
}
