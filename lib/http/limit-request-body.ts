import { ApiError } from "@/lib/http/api-error";

function tooLarge(maxBytes: number): ApiError {
  return new ApiError("PAYLOAD_TOO_LARGE", `Request body must be at most ${maxBytes} bytes`);
}

/** 413 at once when the request declares a body larger than `maxBytes` (Content-Length). */
export function assertDeclaredBodySize(request: Request, maxBytes: number): void {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
}

/**
 * The request with its body read into memory, refused with 413 as soon as it is known to exceed
 * `maxBytes`: a declared Content-Length before anything is read, a chunked body (or one lying about
 * its length) at the chunk that crosses the cap. Read here, whether or not the route needs a body,
 * so no route is ever fed — or left to drain — more than its cap.
 */
export async function readCappedRequest(request: Request, maxBytes: number): Promise<Request> {
  assertDeclaredBodySize(request, maxBytes);
  if (!request.body) return request;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw new ApiError("INVALID_REQUEST", "The request body could not be read");
    });
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body: Buffer.concat(chunks), signal: request.signal });
}
