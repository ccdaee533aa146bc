import { ApiError } from "@/lib/http/api-error";

function tooLarge(maxBytes: number): ApiError {
  return new ApiError("PAYLOAD_TOO_LARGE", `Request body must be at most ${maxBytes} bytes`);
}

/**
 * The request with its body capped at `maxBytes`: a larger Content-Length is refused at once (413),
 * and a body without one (chunked) or lying about it fails with the same 413 when reading crosses
 * the cap — so nothing downstream (request.json(), .text(), a reader) ever holds more than that.
 */
export function limitRequestBody(request: Request, maxBytes: number): Request {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return request;
  let received = 0;
  const capped = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > maxBytes) controller.error(tooLarge(maxBytes));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Request(request.url, { method: request.method, headers: request.headers, body: capped, signal: request.signal, duplex: "half" } as RequestInit);
}
