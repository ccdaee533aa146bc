import { readCappedJson } from "./read-body";
import { type OutboundRequest, sendRequest } from "./send-request";

/** JSON answers are at most this large; a larger one is cut off, not buffered. */
export const MAX_JSON_BYTES = 1024 * 1024;

export interface JsonAnswer {
  status: number;
  /** The parsed body, or null when it was not JSON. */
  json: unknown;
}

/** A request whose answer is JSON, read up to MAX_JSON_BYTES. Failures reject with an OutboundError. */
export async function requestJson(request: OutboundRequest, maxBytes = MAX_JSON_BYTES): Promise<JsonAnswer> {
  const response = await sendRequest({
    ...request,
    headers: {
      accept: "application/json",
      ...request.headers,
      ...(request.body !== undefined ? { "content-type": "application/json" } : {}),
    },
  });
  return { status: response.status, json: await readCappedJson(response.body, maxBytes) };
}
