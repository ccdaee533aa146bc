import http from "node:http";
import type { AddressInfo } from "node:net";

// The benchmarks' webhook receiver on loopback: answers 200 at once and notes when each
// webhook-id arrived (ms since the epoch, sub-millisecond).
export interface Arrival {
  messageId: string;
  at: number;
}

export async function startCountingReceiver() {
  const arrivals: Arrival[] = [];
  const server = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      arrivals.push({
        messageId: String(request.headers["webhook-id"]),
        at: performance.timeOrigin + performance.now(),
      });
      response.writeHead(200, { "content-type": "text/plain" });
      response.end("ok");
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    arrivals,
    count: () => arrivals.length,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The q-quantile of ascending values (nearest rank). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
