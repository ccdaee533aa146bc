import pino, { type DestinationStream } from "pino";
import { env } from "@/lib/env";

// Structured one-line JSON logs (pino): {"level","time","message", ...fields}; debug and info to
// stdout, warn and error to stderr. Secrets never reach them, two ways:
// - by key (pino's redact paths): credentials under the names the portal gives them, whatever
//   their format — a vendor's pasted secret has no recognisable shape;
// - by shape, over the whole written line (error messages and stacks included): presigned URLs
//   lose their query string, `whsec_` signing secrets, `jp_live_` portal API keys and Bearer
//   tokens are masked wherever they appear.
const SECRET_PATTERNS: Array<[RegExp, string]> = [
  [/(https?:\/\/[^\s"'?]+)\?[^\s"']*/g, "$1?[redacted]"],
  [/whsec_[A-Za-z0-9+/=]+/g, "whsec_[redacted]"],
  [/jp_live_[A-Za-z0-9_-]+/g, "jp_live_[redacted]"],
  [/(Bearer\s+)[^\s"'\\]+/gi, "$1[redacted]"],
];

const SECRET_KEYS = ["authorization", "apiKey", "secret", "password", "token", "cookie"];
const REDACT_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `headers.${key}`, `*.headers.${key}`]);

export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

type LogFn = {
  (fields: Record<string, unknown>, message: string): void;
  (message: string): void;
};

/**
 * The portal's logger, in pino's own call shape: `logger.warn({ jobId, error }, "message")`.
 * Narrower than pino's type on purpose: the message always comes last, and interpolation
 * arguments (`logger.warn("msg", fields)`, which pino would drop) do not compile.
 */
export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

export function createLogger(stream: DestinationStream, level: string = env.LOG_LEVEL): Logger {
  return pino(
    {
      level,
      base: undefined,
      messageKey: "message",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { error: pino.stdSerializers.err, err: pino.stdSerializers.err },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      hooks: { streamWrite: redactSecrets },
    },
    stream,
  );
}

const levelStreams = pino.multistream(
  [
    { level: "debug", stream: process.stdout },
    { level: "warn", stream: process.stderr },
  ],
  { dedupe: true },
);

export const logger: Logger = createLogger(levelStreams);
