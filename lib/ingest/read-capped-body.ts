import { ApiError } from "@/lib/http/api-error";

// The upstream's events are a few hundred bytes; 1 MiB leaves room for a translate job with many
// outputs while keeping one request from holding much memory.
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

function tooLarge(limit: number): ApiError {
  return new ApiError("PAYLOAD_TOO_LARGE", `Request body must be at most ${limit} bytes`);
}

/**
 * The exact bytes of the body, refused with 413 as soon as they are known to exceed `limit`:
 * a declared Content-Length before anything is read, a stream without one (or lying about it)
 * at the chunk that crosses the limit. Nothing else (HMAC, JSON) ever sees an oversized body.
 */
export async function readCappedBody(request: Request, limit = MAX_WEBHOOK_BODY_BYTES): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a sender that keeps streaming must not keep this request alive.
      reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
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
