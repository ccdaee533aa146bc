import { execFile } from "node:child_process";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { type ExampleInput, javaExample, pythonExample } from "@/lib/v1-api/code-examples";

// Running the seed's examples as printed (code-examples.ts holds them, host, key and job id filled
// in): Python and Java as programs in a scratch directory, where they save output.srt.
const run = promisify(execFile);

export interface ExampleRun {
  stdout: string;
  /** The bytes the example saved as output.srt. */
  savedBytes: number;
}

async function inScratchDirectory(
  file: string,
  source: string,
  command: (file: string) => [string, string[]],
): Promise<ExampleRun> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "seed-example-"));
  try {
    await writeFile(path.join(directory, file), source);
    const [program, args] = command(file);
    const { stdout } = await run(program, args, { cwd: directory, timeout: 60_000 });
    return { stdout, savedBytes: (await stat(path.join(directory, "output.srt"))).size };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

export function runPythonExample(input: ExampleInput): Promise<ExampleRun> {
  return inScratchDirectory("example.py", pythonExample(input), (file) => ["python3", [file]]);
}

// The seed prints the body of a program using java.net.http and Gson (JsonParser, JsonObject,
// JsonArray): this adds the imports and the class around it that any Java file needs, nothing else.
// Gson comes from Debian's libgoogle-gson-java (/usr/share/java/gson.jar).
export const GSON_JAR = "/usr/share/java/gson.jar";

export function runJavaExample(input: ExampleInput): Promise<ExampleRun> {
  const source = `import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

public class Example {
  public static void main(String[] args) throws Exception {
${javaExample(input)
  .split("\n")
  .map((line) => (line ? `    ${line}` : line))
  .join("\n")}
  }
}
`;
  return inScratchDirectory("Example.java", source, (file) => ["java", ["-cp", GSON_JAR, file]]);
}

/** A page on an origin of its own (another port), where the browser example runs as a third-party app would. */
export async function startOtherOrigin(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_request, response) => {
    response
      .writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end("<!doctype html><title>Another app</title><p>An app on another origin.</p>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
