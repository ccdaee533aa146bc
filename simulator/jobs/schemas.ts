import { z } from "zod";
import { describeZodError } from "@/lib/contract/errors";
import { type ParsedBody, parseJsonObject } from "@/lib/contract/parse-json-object";
import type { ApiProduct } from "@/lib/workflow/workflows";
import { parseSrt } from "../outputs/srt";
import { describeUrlProblem, extensionOf } from "./public-url";

// Job creation requests of the vendor's four products. Objects are strict: a misspelt field
// (mediaURL) is refused rather than silently ignored, which is what hides client bugs.

export const MEDIA_EXTENSIONS = [
  "mp4",
  "mov",
  "m4v",
  "mkv",
  "webm",
  "avi",
  "mp3",
  "m4a",
  "wav",
  "aac",
  "flac",
  "ogg",
  "opus",
];
export const OUTPUT_FORMATS = ["same", "audio_only"] as const;
const MAX_SRT_CONTENT_CHARS = 1_000_000;

const requiredString = z.string({
  error: (issue) => (issue.input === undefined ? "Required" : "Must be a string"),
});

function fileUrl(extensions: readonly string[], example: string) {
  return requiredString.superRefine((value, ctx) => {
    const problem = describeUrlProblem(value);
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem });
    } else if (!extensions.includes(extensionOf(value))) {
      ctx.addIssue({
        code: "custom",
        message: `Unsupported file extension .${extensionOf(value)} (expected e.g. ${example})`,
      });
    }
  });
}

const mediaUrl = fileUrl(MEDIA_EXTENSIONS, ".mp4");
const srtUrl = fileUrl(["srt"], ".srt");
const srtContent = requiredString
  .min(1, { error: "Must not be empty" })
  .max(MAX_SRT_CONTENT_CHARS, { error: `Must be at most ${MAX_SRT_CONTENT_CHARS} characters` })
  .superRefine((value, ctx) => {
    const parsed = parseSrt(value);
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: `Must be valid SRT: ${parsed.error}` });
  });
const language = requiredString.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
  error: "Must be a language code such as en or pt-BR",
});
const outputFormat = z.enum(OUTPUT_FORMATS, { error: 'Must be "same" or "audio_only"' });

type Fields = {
  mediaUrl?: string;
  srtUrl?: string;
  srtContent?: string;
  sourceLanguage?: string;
  targetLanguage?: string;
};

function exactlyOne<T extends Fields>(keys: (keyof Fields)[], message: string) {
  return (value: T, ctx: z.RefinementCtx) => {
    const present = keys.filter((key) => value[key] !== undefined);
    if (present.length === 0) ctx.addIssue({ code: "custom", message });
    if (present.length > 1) ctx.addIssue({ code: "custom", message: `Provide only one of ${present.join(", ")}` });
  };
}

function distinctLanguages(value: Fields, ctx: z.RefinementCtx) {
  if (value.sourceLanguage && value.sourceLanguage === value.targetLanguage) {
    ctx.addIssue({ code: "custom", path: ["targetLanguage"], message: "Must differ from sourceLanguage" });
  }
}

export const createJobSchemas = {
  transcribe: z.strictObject({ mediaUrl, sourceLanguage: language.optional() }),
  translate: z
    .strictObject({
      mediaUrl: mediaUrl.optional(),
      srtUrl: srtUrl.optional(),
      srtContent: srtContent.optional(),
      sourceLanguage: language.optional(),
      targetLanguage: language,
    })
    .superRefine(exactlyOne(["mediaUrl", "srtUrl", "srtContent"], "Provide one of mediaUrl, srtUrl or srtContent"))
    .superRefine(distinctLanguages),
  voiceover: z
    .strictObject({
      mediaUrl,
      srtUrl: srtUrl.optional(),
      srtContent: srtContent.optional(),
      sourceLanguage: language.optional(),
      targetLanguage: language.optional(),
      outputFormat: outputFormat.optional(),
    })
    .superRefine(exactlyOne(["srtUrl", "srtContent"], "Voiceover needs the script: provide srtUrl or srtContent")),
  dub: z
    .strictObject({
      mediaUrl,
      sourceLanguage: language.optional(),
      targetLanguage: language,
      outputFormat: outputFormat.optional(),
    })
    .superRefine(distinctLanguages),
} satisfies Record<ApiProduct, z.ZodType>;

export type JobInput = Fields & { outputFormat?: (typeof OUTPUT_FORMATS)[number] };

export function parseCreateJobBody(product: ApiProduct, text: string): ParsedBody<JobInput> {
  const json = parseJsonObject(text);
  if (!json.ok) return json;
  return validateJobInput(product, json.value);
}

export function validateJobInput(product: ApiProduct, input: unknown): ParsedBody<JobInput> {
  const parsed = createJobSchemas[product].safeParse(input);
  if (!parsed.success) return { ok: false, message: describeZodError(parsed.error) };
  return { ok: true, value: parsed.data };
}
