import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWebhook } from "./post-webhook";
import { type Receiver, startReceiver } from "./testing/start-receiver";

// The connect-time SSRF guard against a real socket: the address checked is the address connected to.
let receiver: Receiver;
let port: string;
beforeAll(async () => {
  receiver = await startReceiver(() => ({ status: 200, body: "ok" }));
  port = new URL(receiver.url()).port;
});
afterAll(() => receiver.close());

const PUBLIC = { allowPrivate: false };
const rebindingDns = (address: string) => async () => [{ address, family: 4 }];

describe("postWebhook's SSRF guard", () => {
  it("refuses a name that resolves to loopback now (DNS rebinding) without connecting", async () => {
    const before = receiver.requests.length;
    const result = await postWebhook(`https://rebind.example.com:${port}/hook`, {}, "{}", {
      policy: PUBLIC,
      resolve: rebindingDns("127.0.0.1"),
    });
    expect(result).toMatchObject({
      statusCode: null,
      error: expect.stringMatching(/^Refused: rebind\.example\.com resolves to 127\.0\.0\.1/),
    });
    expect(receiver.requests.length).toBe(before);
  });

  it("refuses when one of several answers is private", async () => {
    const resolve = async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "10.0.0.7", family: 4 },
    ];
    const result = await postWebhook("https://mixed.example.com/hook", {}, "{}", { policy: PUBLIC, resolve });
    expect(result.error).toMatch(/^Refused: .*10\.0\.0\.7/);
  });

  it.each([
    `https://127.0.0.1:PORT/hook`,
    `https://[::ffff:127.0.0.1]:PORT/hook`,
    `https://2130706433:PORT/hook`,
    `http://example.com/hook`,
    "https://user:pw@example.com/",
  ])("refuses %s before any connection", async (template) => {
    const before = receiver.requests.length;
    const result = await postWebhook(template.replace("PORT", port), {}, "{}", { policy: PUBLIC });
    expect(result.error).toMatch(/^Refused: /);
    expect(receiver.requests.length).toBe(before);
  });

  it("connects to the address the guard approved (private allowed, as in the demo)", async () => {
    const result = await postWebhook(`http://hooks.example.com:${port}/named`, { "x-test": "1" }, '{"a":1}', {
      policy: { allowPrivate: true },
      resolve: rebindingDns("127.0.0.1"),
    });
    expect(result).toMatchObject({ statusCode: 200, responseExcerpt: "ok", error: null });
    const last = receiver.requests[receiver.requests.length - 1];
    expect(last).toMatchObject({ path: "/named", body: '{"a":1}' });
    expect(last.headers.host).toBe(`hooks.example.com:${port}`);
  });

  it.each([
    "http://[fd00:ec2::254]/latest/meta-data/",
    "http://100.100.100.200/latest/meta-data/",
    "http://168.63.129.16/machine",
    "http://169.254.169.254/latest/",
  ])("refuses cloud metadata %s even with private addresses allowed", async (url) => {
    const result = await postWebhook(url, {}, "{}", { policy: { allowPrivate: true } });
    expect(result.error).toMatch(/^Refused: .* is not a public address/);
  });

  it("refuses a name that resolves to AWS's IPv6 metadata address, private allowed", async () => {
    const result = await postWebhook("http://imds.example.com/latest/", {}, "{}", {
      policy: { allowPrivate: true },
      resolve: async () => [{ address: "fd00:ec2::254", family: 6 }],
    });
    expect(result.error).toMatch(/^Refused: imds\.example\.com resolves to fd00:ec2::254/);
  });
});
