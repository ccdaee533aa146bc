import { env } from "@/lib/env";

// Structured one-line JSON logs. Presigned URLs and secrets never reach them: query strings are
// cut from every URL and known secret shapes are masked, wherever they appear in a value.
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof LEVELS, "silent">;

const SECRET_PATTERNS: Array<[RegExp, string]> = [
  [/(https?:\/\/[^\s"'?]+)\?[^\s"']*/g, "$1?[redacted]"],
  [/whsec_[A-Za-z0-9+/=]+/g, "whsec_[redacted]"],
  [/jp_live_[A-Za-z0-9_-]+/g, "jp_live_[redacted]"],
  [/(Bearer\s+)[^\s"']+/gi, "$1[redacted]"],
];

export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

function serialize(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: redact(value.message), stack: value.stack && redact(value.stack) };
  return value;
}

function write(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  if (LEVELS[level] < LEVELS[env.LOG_LEVEL]) return;
  const entries = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, serialize(value)]));
  const line = redact(JSON.stringify({ time: new Date().toISOString(), level, message, ...entries }));
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}

export const logger = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
