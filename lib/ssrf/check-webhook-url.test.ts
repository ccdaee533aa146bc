import { describe, expect, it } from "vitest";
import { checkWebhookUrl } from "./check-webhook-url";
import type { ResolveHost } from "./resolve-host";

// The SSRF table: every way of naming an address a webhook must not reach, each refused.
const PUBLIC = { allowPrivate: false };
const PRIVATE_ALLOWED = { allowPrivate: true };

const fakeDns: Record<string, Array<{ address: string; family: number }>> = {
  "hooks.example.com": [
    { address: "93.184.216.34", family: 4 },
    { address: "2606:2800:220:1:248:1893:25c8:1946", family: 6 },
  ],
  "internal.example.com": [{ address: "10.0.0.5", family: 4 }],
  "metadata.example.com": [{ address: "169.254.169.254", family: 4 }],
  "mixed.example.com": [
    { address: "93.184.216.34", family: 4 },
    { address: "127.0.0.1", family: 4 },
  ],
  "v6-local.example.com": [{ address: "fd00::1", family: 6 }],
  "empty.example.com": [],
};
const resolve: ResolveHost = async (hostname) => {
  const answers = fakeDns[hostname];
  if (!answers) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
  return answers;
};

const REFUSED_LITERALS = [
  // loopback in every spelling WHATWG and inet_aton know
  "https://127.0.0.1/",
  "https://127.255.255.254/",
  "https://2130706433/",
  "https://0177.0.0.1/",
  "https://0x7f.1/",
  "https://0x7f000001/",
  "https://127.1/",
  "https://[::1]/",
  "https://[0:0:0:0:0:0:0:1]/",
  "https://[::ffff:127.0.0.1]/",
  "https://[::ffff:7f00:1]/",
  // unspecified, "this network", broadcast
  "https://0.0.0.0/",
  "https://0/",
  "https://0.1.2.3/",
  "https://[::]/",
  "https://255.255.255.255/",
  // RFC 1918
  "https://10.0.0.1/",
  "https://10.255.255.255/",
  "https://172.16.0.1/",
  "https://172.31.255.255/",
  "https://192.168.0.1/",
  "https://0xc0a80001/",
  // link-local, the metadata service
  "https://169.254.169.254/",
  "https://169.254.0.1/",
  "https://[::ffff:169.254.169.254]/",
  // CGNAT, benchmarking, documentation, reserved, multicast
  "https://100.64.0.1/",
  "https://100.127.255.255/",
  "https://198.18.0.1/",
  "https://198.19.255.255/",
  "https://192.0.2.1/",
  "https://240.0.0.1/",
  "https://224.0.0.1/",
  "https://239.255.255.250/",
  // IPv6 local ranges
  "https://[fc00::1]/",
  "https://[fd12:3456:789a::1]/",
  "https://[fe80::1]/",
  "https://[ff02::1]/",
  "https://[2001:db8::1]/",
  // IPv6 forms embedding a refused IPv4
  "https://[::127.0.0.1]/", // IPv4-compatible
  "https://[::ffff:0:7f00:1]/", // IPv4-translated (RFC 6145)
  "https://[64:ff9b::7f00:1]/", // NAT64
  "https://[64:ff9b::a00:1]/", // NAT64 of 10.0.0.1
  "https://[64:ff9b:1::a9fe:a9fe]/", // local-use NAT64
  "https://[2002:7f00:1::]/", // 6to4 of 127.0.0.1
  "https://[2002:a9fe:a9fe::1]/", // 6to4 of 169.254.169.254
  "https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/", // Teredo, client 127.0.0.1
  "https://[2001:0:a00:1:8000:63bf:3fff:fdd2]/", // Teredo, server 10.0.0.1
];

describe("checkWebhookUrl refuses", () => {
  it.each(REFUSED_LITERALS)("%s", async (url) => {
    const verdict = await checkWebhookUrl(url, { policy: PUBLIC, resolve });
    expect(verdict).toMatchObject({ ok: false, reason: expect.stringMatching(/is not a public address/) });
  });

  it.each([
    ["http://hooks.example.com/", /https/],
    ["ftp://hooks.example.com/", /not allowed/],
    ["file:///etc/passwd", /not allowed/],
    ["gopher://hooks.example.com:70/", /not allowed/],
    ["javascript:alert(1)", /not allowed/],
    ["https://user:secret@hooks.example.com/", /credentials/],
    ["https://user@hooks.example.com/", /credentials/],
    ["not a url", /valid URL/],
    [`https://hooks.example.com/${"a".repeat(2100)}`, /longer/],
    ["https://internal.example.com/", /10\.0\.0\.5, which is not a public address \(private network\)/],
    ["https://metadata.example.com/", /169\.254\.169\.254, .*link-local/],
    ["https://mixed.example.com/", /127\.0\.0\.1, .*loopback/],
    ["https://v6-local.example.com/", /fd00::1, .*unique local/],
    ["https://empty.example.com/", /no addresses/],
    ["https://nowhere.example.com/", /could not be resolved/],
  ])("%s", async (url, reason) => {
    const verdict = await checkWebhookUrl(url, { policy: PUBLIC, resolve });
    expect(verdict).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });
  });

  it("localhost, through the real resolver", async () => {
    expect(await checkWebhookUrl("https://localhost:3000/hook", { policy: PUBLIC })).toMatchObject({ ok: false });
  });
});

describe("checkWebhookUrl accepts", () => {
  it.each([
    "https://hooks.example.com/webhooks?x=1",
    "https://93.184.216.34/hook",
    "https://[2606:2800:220:1:248:1893:25c8:1946]/hook",
    "https://[::ffff:8.8.8.8]/hook",
    "https://[64:ff9b::808:808]/hook",
  ])("%s", async (url) => {
    const verdict = await checkWebhookUrl(url, { policy: PUBLIC, resolve });
    expect(verdict.ok).toBe(true);
    if (verdict.ok) expect(verdict.url.href).toBe(new URL(url).href);
  });
});

describe("with ALLOW_PRIVATE_WEBHOOK_URLS", () => {
  it.each([
    "http://127.0.0.1:3000/hook",
    "http://localhost:3000/hook",
    "https://10.0.0.1/",
    "http://[::1]:8080/",
    "https://internal.example.com/",
  ])("lets %s through", async (url) => {
    expect(
      (
        await checkWebhookUrl(url, {
          policy: PRIVATE_ALLOWED,
          resolve: url.includes("localhost") ? undefined : resolve,
        })
      ).ok,
    ).toBe(true);
  });

  it.each([
    "https://169.254.169.254/",
    "https://metadata.example.com/",
    "https://224.0.0.1/",
    "https://0.0.0.0/",
    "ftp://127.0.0.1/",
    "http://a:b@127.0.0.1/",
  ])("still refuses %s", async (url) => {
    expect((await checkWebhookUrl(url, { policy: PRIVATE_ALLOWED, resolve })).ok).toBe(false);
  });
});
