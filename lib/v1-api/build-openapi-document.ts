import {
  DEFAULT_EXPIRATION_SECONDS,
  DOWNLOAD_MESSAGES,
  MAX_EXPIRATION_SECONDS,
  MIN_EXPIRATION_SECONDS,
} from "@/lib/contract/download-result";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@/lib/jobs/schemas";
import { API_PRODUCTS, JOB_STATUSES } from "@/lib/workflow/workflows";
import { buildComponents, errorExample, errorResponse, ref, sharedResponseRef } from "./openapi-components";

// GET /v1/openapi.json: hand-assembled paths over generated schemas (openapi-components.ts).
const json = (schema: object, extra: object = {}) => ({ content: { "application/json": { schema, ...extra } } });

const jobIdParameter = {
  name: "jobId",
  in: "path",
  required: true,
  description: "The job's id as the Jobs API issued it",
  schema: { type: "string", example: "job_abc123" },
};

const COMMON = {
  "401": sharedResponseRef("Unauthorized"),
  "429": sharedResponseRef("RateLimited"),
  "500": sharedResponseRef("InternalError"),
};

const upstreamUnavailable = errorResponse(
  "The Jobs API could not be reached (503: workspace not connected; 504: timed out)",
  {
    unreachable: errorExample("UPSTREAM_UNAVAILABLE", "The Jobs API could not be reached. Try again in a moment."),
  },
);

const listJobs = {
  operationId: "listJobs",
  summary: "List jobs",
  description:
    "The workspace's jobs, newest first, by keyset cursor: pass the answer's `nextCursor` as `cursor` " +
    "for the next page until it is null. Pages stay consistent while new jobs arrive.",
  parameters: [
    { name: "cursor", in: "query", schema: { type: "string" }, description: "`nextCursor` of the previous page" },
    {
      name: "limit",
      in: "query",
      schema: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
    },
    { name: "apiProduct", in: "query", schema: { type: "string", enum: API_PRODUCTS } },
    { name: "status", in: "query", schema: { type: "string", enum: JOB_STATUSES } },
  ],
  responses: {
    "200": { description: "A page of jobs", ...json(ref("JobList")) },
    "400": errorResponse("Invalid query parameter or cursor", {
      badCursor: errorExample("INVALID_REQUEST", "Invalid cursor: start again from the first page"),
    }),
    ...COMMON,
  },
};

const getJob = {
  operationId: "getJob",
  summary: "Get a job with its timeline",
  parameters: [jobIdParameter],
  responses: {
    "200": { description: "The job", ...json(ref("JobDetail")) },
    "404": sharedResponseRef("NotFound"),
    ...COMMON,
  },
};

const transcribeExample = {
  jobId: "job_xyz789",
  apiProduct: "transcribe",
  expiresAt: "2025-12-07T14:30:00Z",
  outputs: [
    {
      url: "https://s3.amazonaws.com/bucket/path.srt?X-Amz-Algorithm=...",
      expiresAt: "2025-12-07T14:30:00Z",
      sizeBytes: 12458,
    },
  ],
};
const translateExample = {
  jobId: "job_xyz789",
  apiProduct: "translate",
  expiresAt: "2025-12-07T14:30:00Z",
  outputs: [0, 1].map((outputIndex) => ({
    outputIndex,
    url: `https://s3.amazonaws.com/bucket/path_${outputIndex}.srt?X-Amz-Algorithm=...`,
    expiresAt: "2025-12-07T14:30:00Z",
    sizeBytes: [8234, 7891][outputIndex],
  })),
};

const downloadResult = {
  operationId: "downloadResult",
  summary: "Fresh presigned links to a completed job's output files",
  description:
    `Links expire after \`expirationSeconds\` (default ${DEFAULT_EXPIRATION_SECONDS}, ${MIN_EXPIRATION_SECONDS}..${MAX_EXPIRATION_SECONDS}). ` +
    "`outputIndex` is present on translate outputs only.",
  parameters: [jobIdParameter],
  requestBody: {
    required: false,
    ...json(ref("DownloadResultRequest"), { example: { expirationSeconds: DEFAULT_EXPIRATION_SECONDS } }),
  },
  responses: {
    "200": {
      description: "Presigned links",
      ...json(ref("DownloadResultResponse"), {
        examples: { transcribe: { value: transcribeExample }, translate: { value: translateExample } },
      }),
    },
    "400": errorResponse("The job has no outputs yet, failed, or the request is invalid", {
      notCompleted: errorExample("INVALID_REQUEST", DOWNLOAD_MESSAGES.notCompleted("transcribing")),
      failed: errorExample("INVALID_REQUEST", DOWNLOAD_MESSAGES.failed),
      badExpiration: errorExample("INVALID_REQUEST", DOWNLOAD_MESSAGES.badExpiration),
      notJson: errorExample("INVALID_REQUEST", "Request body must be valid JSON"),
    }),
    "404": sharedResponseRef("NotFound"),
    "413": errorResponse("Request body too large", {
      tooLarge: errorExample("PAYLOAD_TOO_LARGE", "Request body must be at most 16384 bytes"),
    }),
    "502": upstreamUnavailable,
    "503": upstreamUnavailable,
    "504": upstreamUnavailable,
    ...COMMON,
  },
};

const outputIndexParameter = {
  name: "n",
  in: "path",
  required: true,
  description: "The output's `outputIndex` (0 for a workflow's single output; 0..N-1 for translate's N files)",
  schema: { type: "integer", minimum: 0, example: 0 },
};

const redirectToOutput = {
  operationId: "redirectToOutput",
  summary: "Redirect to a fresh presigned link to one output file",
  description:
    "A link to an output that never expires: every call answers `302 Found` with a `Location` fresh from download-result " +
    `(valid ${DEFAULT_EXPIRATION_SECONDS} seconds), so clients that follow redirects (\`curl -L\`) download the file. ` +
    "Only completed jobs have outputs.",
  parameters: [jobIdParameter, outputIndexParameter],
  responses: {
    "302": {
      description: "The file's fresh presigned link, in `Location`",
      headers: { Location: { description: "A presigned link to the file", schema: { type: "string", format: "uri" } } },
    },
    "400": errorResponse("The job has no outputs yet, or failed", {
      notCompleted: errorExample("INVALID_REQUEST", DOWNLOAD_MESSAGES.notCompleted("transcribing")),
      failed: errorExample("INVALID_REQUEST", DOWNLOAD_MESSAGES.failed),
    }),
    "404": errorResponse("No such job in the key's workspace, or no such output", {
      notFound: errorExample("RESOURCE_NOT_FOUND", DOWNLOAD_MESSAGES.notFound),
      noOutput: errorExample("RESOURCE_NOT_FOUND", "Output not found"),
    }),
    "502": upstreamUnavailable,
    "503": upstreamUnavailable,
    "504": upstreamUnavailable,
    ...COMMON,
  },
};

export function buildOpenApiDocument(origin: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Jobs Portal API",
      version: "1.0.0",
      description:
        "The portal's own API for the Jobs API's jobs: download-result exactly as the Jobs API documents it, plus job listing " +
        "and stable links to output files. " +
        'Errors share one envelope: `{"error": {"code", "message"}}`.',
    },
    servers: [{ url: origin }],
    security: [{ bearerAuth: [] }],
    paths: {
      "/v1/jobs": { get: listJobs },
      "/v1/jobs/{jobId}": { get: getJob },
      "/v1/jobs/{jobId}/download-result": { post: downloadResult },
      "/v1/jobs/{jobId}/outputs/{n}": { get: redirectToOutput },
    },
    components: buildComponents(),
  };
}
