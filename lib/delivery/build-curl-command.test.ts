import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { buildCurlCommand, shellQuote } from "./build-curl-command";

describe("buildCurlCommand", () => {
  it("quotes every argument so that the shell passes it through unchanged", () => {
    const hostile = `it's $(rm -rf /) \`x\` "q" \\ ; & | > $HOME`;
    expect(execFileSync("bash", ["-c", `printf %s ${shellQuote(hostile)}`]).toString()).toBe(hostile);
  });

  it("is one POST with each header and the body as given", () => {
    const command = buildCurlCommand(
      "https://hooks.example.com/in?x=1",
      { "webhook-id": "msg_1", "content-type": "application/json" },
      `{"a":"it's"}`,
    );
    expect(command).toBe(
      [
        "curl -i -sS -X POST 'https://hooks.example.com/in?x=1'",
        "  -H 'webhook-id: msg_1'",
        "  -H 'content-type: application/json'",
        `  --data-raw '{"a":"it'\\''s"}'`,
      ].join(" \\\n"),
    );
  });
});
