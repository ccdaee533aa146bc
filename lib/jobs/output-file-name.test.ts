import { describe, expect, it } from "vitest";
import { extensionOf, outputFileName } from "./output-file-name";

describe("output file names", () => {
  it("numbers translate's context files by outputIndex", () => {
    expect(outputFileName("job_x", "srt", 0)).toBe("job_x-0.srt");
    expect(outputFileName("job_x", "srt", 1)).toBe("job_x-1.srt");
  });

  it("names a single output after the job", () => {
    expect(outputFileName("job_x", "mp4")).toBe("job_x.mp4");
  });

  it("takes the extension from the link's path, ignoring the signature", () => {
    expect(extensionOf("https://s3.amazonaws.com/bucket/path_0.SRT?X-Amz-Algorithm=AWS4", "translate")).toBe("srt");
    expect(extensionOf("http://127.0.0.1:4010/files/job_x/output.m4a?X-Amz-Expires=60", "dub")).toBe("m4a");
  });

  it("falls back to the output kind, then the product", () => {
    expect(extensionOf(null, "voiceover", "audio")).toBe("m4a");
    expect(extensionOf("https://example.com/download?id=1", "transcribe")).toBe("srt");
    expect(extensionOf(null, "dub")).toBe("mp4");
  });
});
