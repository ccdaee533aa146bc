import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { LocalSmtpServer } from "./local-smtp-server";

export interface LocalInbox {
  /** `GET {url}/mails?to=<email>`: that recipient's mails, oldest first, as JSON. */
  url: string;
  close(): Promise<void>;
}

/**
 * The local SMTP server's mails over HTTP on loopback, for end-to-end tests that run in another
 * process than the stack. Test and demo only: it hands out confirmation links.
 */
export async function serveLocalInbox(smtp: LocalSmtpServer): Promise<LocalInbox> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://inbox");
    if (request.method !== "GET" || url.pathname !== "/mails") {
      response.writeHead(404).end();
      return;
    }
    const to = url.searchParams.get("to")?.toLowerCase();
    const mails = smtp.mails().filter((mail) => !to || mail.to.includes(to));
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(mails));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
