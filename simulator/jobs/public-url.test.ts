import { describe, expect, it } from "vitest";
import { describeUrlProblem, isPrivateAddress } from "./public-url";

describe("describeUrlProblem", () => {
  it.each([
    "https://media.example.com/interviews/ep-12.mp4",
    "http://cdn.example.org/a/b/c.MOV",
    "https://8.8.8.8/video.mp4",
    "https://[2606:4700::1111]/video.mp4",
    "https://media.example.com/file%20name.mp4?token=abc#t=10",
  ])("accepts %s", (url) => {
    expect(describeUrlProblem(url)).toBeUndefined();
  });

  it.each([
    ["not a url", "Must be a valid URL"],
    ["ftp://media.example.com/a.mp4", "Must be an http or https URL"],
    ["file:///etc/passwd.mp4", "Must be an http or https URL"],
    ["https://user:pw@media.example.com/a.mp4", "Must not contain credentials"],
  ])("refuses %s", (url, message) => {
    expect(describeUrlProblem(url)).toBe(message);
  });

  it.each([
    "http://localhost/a.mp4",
    "http://LOCALHOST./a.mp4",
    "http://api.localhost/a.mp4",
    "http://printer.local/a.mp4",
    "http://metadata.google.internal/a.mp4",
  ])("refuses the internal name %s", (url) => {
    expect(describeUrlProblem(url)).toBe("Must not point to localhost or an internal host");
  });

  it("refuses single-label host names, which only resolve inside a network", () => {
    expect(describeUrlProblem("http://intranet/a.mp4")).toBe("Must use a public host name");
  });

  // Every spelling below is normalised by the WHATWG parser to a private or loopback address.
  it.each([
    "http://127.0.0.1/a.mp4",
    "http://127.1/a.mp4",
    "http://0x7f.0.0.1/a.mp4",
    "http://0x7f000001/a.mp4",
    "http://2130706433/a.mp4",
    "http://017700000001/a.mp4",
    "http://0/a.mp4",
    "http://10.1.2.3/a.mp4",
    "http://172.16.0.1/a.mp4",
    "http://192.168.1.1/a.mp4",
    "http://169.254.169.254/latest/meta-data.json",
    "http://100.64.0.1/a.mp4",
    "http://[::1]/a.mp4",
    "http://[::]/a.mp4",
    "http://[0:0:0:0:0:0:0:1]/a.mp4",
    "http://[::ffff:127.0.0.1]/a.mp4",
    "http://[::ffff:a9fe:a9fe]/a.mp4",
    "http://[::127.0.0.1]/a.mp4",
    "http://[64:ff9b::10.0.0.1]/a.mp4",
    "http://[2002:c0a8:0101::1]/a.mp4",
    "http://[fe80::1]/a.mp4",
    "http://[fd00::1]/a.mp4",
  ])("refuses the private address %s", (url) => {
    expect(describeUrlProblem(url)).toBe("Must not point to a private, loopback or link-local address");
  });

  it.each([
    "https://media.example.com/",
    "https://media.example.com/video",
    "https://media.example.com/v.",
    "https://media.example.com/.mp4",
  ])("refuses %s, whose path has no file extension", (url) => {
    expect(describeUrlProblem(url)).toBe("Must end with a file name that has an extension (e.g. .mp4)");
  });
});

describe("isPrivateAddress", () => {
  it("checks the IPv4 address carried inside IPv6", () => {
    expect(isPrivateAddress("::ffff:8.8.8.8")).toBe(false);
    expect(isPrivateAddress("::ffff:10.0.0.1")).toBe(true);
    expect(isPrivateAddress("2002:0808:0808::1")).toBe(false);
    expect(isPrivateAddress("2002:7f00:0001::1")).toBe(true);
  });
});
