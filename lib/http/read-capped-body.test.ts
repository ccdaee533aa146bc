import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { decodeExactUtf8, readCappedBody } from "@/lib/http/read-capped-body";

const LIMIT = 1024;

function streamOf(
  chunks: Uint8Array[],
  onPull?: () => void,
): { stream: ReadableStream<Uint8Array>; cancelled: () => boolean } {
  let index = 0;
  let wasCancelled = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        onPull?.();
        if (index < chunks.length) controller.enqueue(chunks[index++]);
        else controller.close();
      },
      cancel() {
        wasCancelled = true;
      },
    },
    { highWaterMark: 0 },
  ); // pulled only when read
  return { stream, cancelled: () => wasCancelled };
}

function streamed(body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  return new Request("http://portal.test/", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return (error as ApiError).status;
  }
}

describe("readCappedBody", () => {
  it("returns the exact bytes of a body within the limit, whole or in chunks", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]);
    expect(await readCappedBody(new Request("http://portal.test/", { method: "POST", body: bytes }), LIMIT)).toEqual(
      bytes,
    );
    const { stream } = streamOf([bytes.subarray(0, 2), bytes.subarray(2)]);
    expect(Buffer.from(await readCappedBody(streamed(stream), LIMIT))).toEqual(Buffer.from(bytes));
  });

  it("returns an empty body as zero bytes", async () => {
    expect((await readCappedBody(new Request("http://portal.test/", { method: "POST" }), LIMIT)).byteLength).toBe(0);
  });

  it("accepts exactly the limit and refuses one byte more", async () => {
    expect(await status(readCappedBody(streamed(streamOf([new Uint8Array(LIMIT)]).stream), LIMIT))).toBe(200);
    expect(await status(readCappedBody(streamed(streamOf([new Uint8Array(LIMIT + 1)]).stream), LIMIT))).toBe(413);
  });

  it("refuses a declared Content-Length over the limit before reading anything", async () => {
    let pulled = false;
    const { stream } = streamOf([new Uint8Array(10)], () => {
      pulled = true;
    });
    expect(await status(readCappedBody(streamed(stream, { "content-length": String(LIMIT + 1) }), LIMIT))).toBe(413);
    expect(pulled).toBe(false);
  });

  it("stops reading a stream without a length at the chunk that crosses the limit", async () => {
    let pulls = 0;
    const chunk = new Uint8Array(400);
    const { stream, cancelled } = streamOf(
      Array.from({ length: 100 }, () => chunk),
      () => {
        pulls += 1;
      },
    );
    expect(await status(readCappedBody(streamed(stream), LIMIT))).toBe(413);
    expect(pulls).toBeLessThan(6);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cancelled()).toBe(true);
  });

  it("does not trust a Content-Length that understates the body", async () => {
    const { stream } = streamOf([new Uint8Array(600), new Uint8Array(600)]);
    expect(await status(readCappedBody(streamed(stream, { "content-length": "10" }), LIMIT))).toBe(413);
  });
});

describe("decodeExactUtf8", () => {
  it("keeps a byte-order mark, so the signed bytes and the string agree", () => {
    expect(decodeExactUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toBe("\ufeff{}");
  });

  it("refuses invalid UTF-8 instead of replacing it", () => {
    expect(decodeExactUtf8(new Uint8Array([0x7b, 0xff, 0x7d]))).toBeNull();
    expect(decodeExactUtf8(Buffer.from('{"a":"é"}'))).toBe('{"a":"é"}');
  });
});
