import { z } from "zod";
import { API_KEY_RATE_LIMIT } from "@/lib/api-keys/api-key-rate-limit";
import {
  DOWNLOAD_MESSAGES,
  downloadResultRequestSchema,
  downloadResultResponseSchema,
} from "@/lib/contract/download-result";
import { type ErrorCode, errorEnvelopeSchema } from "@/lib/contract/errors";
import { v1JobDetailSchema, v1JobListSchema, v1JobSchema } from "./schemas";

// The reusable parts of the OpenAPI document. Schemas are generated from the very zod schemas
// the handlers use, so the document cannot drift from what the API answers.
type JsonObject = Record<string, unknown>;

const SCHEMAS = {
  DownloadResultRequest: downloadResultRequestSchema,
  DownloadResultResponse: downloadResultResponseSchema,
  ErrorEnvelope: errorEnvelopeSchema,
  Job: v1JobSchema,
  JobDetail: v1JobDetailSchema,
  JobList: v1JobListSchema,
} as const;
export type SchemaName = keyof typeof SCHEMAS;

export const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });

function buildSchemas(): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(SCHEMAS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    // Request bodies are read as input (defaults apply); the rest has no transforms either way.
    io: "input",
    uri: (id) => `#/components/schemas/${id}`,
    override: ({ jsonSchema }) => {
      // zod spells out date-time as a long regex and ints as safe-integer bounds: noise here.
      if (jsonSchema.format === "date-time") delete jsonSchema.pattern;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    },
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _schema, $id: _id, ...schema }]) => [id, schema as JsonObject]),
  );
}

export function errorExample(code: ErrorCode, message: string) {
  return { value: { error: { code, message } } };
}

export function errorResponse(
  description: string,
  examples: Record<string, ReturnType<typeof errorExample>>,
  headers?: JsonObject,
) {
  return {
    description,
    ...(headers && { headers }),
    content: { "application/json": { schema: ref("ErrorEnvelope"), examples } },
  };
}

const RESPONSES = {
  Unauthorized: errorResponse("Missing, unknown or revoked API key", {
    missing: errorExample("UNAUTHORIZED", "Missing API key: send it as Authorization: Bearer <key>"),
    invalid: errorExample("UNAUTHORIZED", "Invalid or revoked API key"),
  }),
  NotFound: errorResponse("No such job in the key's workspace (another workspace's job included)", {
    notFound: errorExample("RESOURCE_NOT_FOUND", DOWNLOAD_MESSAGES.notFound),
  }),
  RateLimited: errorResponse(
    `More than ${API_KEY_RATE_LIMIT.ratePerSecond} requests a second (bursts of ${API_KEY_RATE_LIMIT.burst}) with one key`,
    {
      rateLimited: errorExample(
        "RATE_LIMITED",
        `Too many requests: at most ${API_KEY_RATE_LIMIT.ratePerSecond} per second per API key`,
      ),
    },
    { "Retry-After": { description: "Seconds to wait before retrying", schema: { type: "integer", minimum: 1 } } },
  ),
  InternalError: errorResponse("Unexpected error (logged; details are never returned)", {
    internal: errorExample("INTERNAL_ERROR", "Internal server error"),
  }),
};

export function buildComponents() {
  return {
    securitySchemes: {
      bearerAuth: {
        type: "http",
        scheme: "bearer",
        description:
          "A portal API key, created under Settings → API keys and shown once: `Authorization: Bearer <key>`",
      },
    },
    schemas: buildSchemas(),
    responses: RESPONSES,
  };
}

export const sharedResponseRef = (name: keyof typeof RESPONSES) => ({ $ref: `#/components/responses/${name}` });
