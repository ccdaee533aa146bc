import { ApiError } from "@/lib/http/api-error";

// The one reader of request bodies under a cap, for every route: JSON routes (through their
// wrapper) and inbound webhooks, which need the exact bytes for their HMAC.

function tooLarge(maxBytes: number): ApiError {
  return new ApiError("PAYLOAD_TOO_LARGE", `Request body must be at most ${maxBytes} bytes`);
}

/** 413 at once when the request declares a body larger than `maxBytes` (Content-Length). */
export function assertDeclaredBodySize(request: Request, maxBytes: number): void {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
}

/**
 * The exact bytes of the body, refused with 413 as soon as they are known to exceed `maxBytes`:
 * a declared Content-Length before anything is read, a stream without one (or lying about it)
 * at the chunk that crosses the cap. Nothing after this (HMAC, JSON) ever sees an oversized body.
 */
export async function readCappedBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  assertDeclaredBodySize(request, maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw new ApiError("INVALID_REQUEST", "The request body could not be read");
    });
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Not awaited: a sender that keeps streaming must not keep this request alive.
      reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
}

/**
 * The request with its body read into memory under the cap (readCappedBody). Wrappers read it
 * here, whether or not the route needs a body, so no route is ever fed — or left to drain — more
 * than its cap.
 */
export async function readCappedRequest(request: Request, maxBytes: number): Promise<Request> {
  assertDeclaredBodySize(request, maxBytes);
  if (!request.body) return request;
  const body = (await readCappedBody(request, maxBytes)) as Uint8Array<ArrayBuffer>;
  return new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * The body as a string that encodes back to exactly the same bytes, or null. A lossy decode
 * (invalid UTF-8 replaced, a BOM dropped) would have the signature checked over other bytes.
 */
export function decodeExactUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}
