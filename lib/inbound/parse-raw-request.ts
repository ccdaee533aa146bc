import { type ApiError, invalidField } from "@/lib/http/api-error";

// The tester's input: headers as a proxy, a request bin or `curl -v` shows them, one per line,
// optionally after the request line (`POST /api/webhooks/{id}/{token} HTTP/1.1`), whose path
// carries a URL token.
const REQUEST_LINE = /^([A-Z]+)\s+(\S+)(?:\s+HTTP\/[0-9.]+)?$/;
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/;
const TOKEN_PATH = /\/api\/webhooks\/[^/?#]+\/([^/?#]+)\/?(?:[?#].*)?$/;

export interface RawRequest {
  headers: Headers;
  /** The token segment of the request line's path, if it has one. */
  urlToken: string | null;
}

function invalid(message: string): ApiError {
  return invalidField("headers", message);
}

export function parseRawRequest(text: string): RawRequest {
  const lines = text.split(/\r?\n/);
  const headers = new Headers();
  let urlToken: string | null = null;
  let started = false;
  for (const [index, rawLine] of lines.entries()) {
    // curl -v and some proxies show outgoing headers after "> ".
    const line = rawLine.replace(/^>\s?/, "");
    if (line.trim() === "") {
      if (started) break; // a blank line ends the header block
      continue;
    }
    const requestLine = !started ? REQUEST_LINE.exec(line.trim()) : null;
    started = true;
    if (requestLine) {
      let path = requestLine[2];
      try {
        path = new URL(path, "http://portal.invalid").pathname;
      } catch {
        // kept as written
      }
      const token = TOKEN_PATH.exec(path)?.[1];
      urlToken = token ? decodeURIComponent(token) : null;
      continue;
    }
    const header = HEADER_LINE.exec(line);
    if (!header) throw invalid(`line ${index + 1} is not a header (Name: value)`);
    try {
      headers.append(header[1], header[2]);
    } catch {
      throw invalid(`line ${index + 1} has a value HTTP does not allow`);
    }
  }
  return { headers, urlToken };
}
