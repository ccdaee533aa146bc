import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  TableRowHeaderCell,
} from "@/components/ui/table";
import { API_KEY_RATE_LIMIT } from "@/lib/api-keys/api-key-rate-limit";
import {
  DEFAULT_EXPIRATION_SECONDS,
  MAX_EXPIRATION_SECONDS,
  MIN_EXPIRATION_SECONDS,
} from "@/lib/contract/download-result";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@/lib/jobs/schemas";

const ENDPOINTS = [
  {
    method: "GET",
    path: "/v1/jobs",
    summary: `Your jobs, newest first: { data, nextCursor }. Query: cursor (the previous page's nextCursor), limit (1–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}), apiProduct, status.`,
  },
  {
    method: "GET",
    path: "/v1/jobs/{jobId}",
    summary: "One job with its workflow timeline, failure (if any) and output files.",
  },
  {
    method: "POST",
    path: "/v1/jobs/{jobId}/download-result",
    summary: `Fresh presigned links to a completed job's outputs. Body: { "expirationSeconds" } (${MIN_EXPIRATION_SECONDS}–${MAX_EXPIRATION_SECONDS}, default ${DEFAULT_EXPIRATION_SECONDS}).`,
  },
  {
    method: "GET",
    path: "/v1/jobs/{jobId}/outputs/{n}",
    summary:
      "A link to output n (its outputIndex; 0 for a single file) that never expires: 302 to a fresh presigned link. Follow redirects (curl -L).",
  },
];

const ERRORS: Array<[number | string, string, string]> = [
  [400, "INVALID_REQUEST", "Bad body or query; job not completed yet; job failed"],
  [401, "UNAUTHORIZED", "Missing, unknown or revoked API key"],
  [404, "RESOURCE_NOT_FOUND", "No such job in your workspace"],
  [413, "PAYLOAD_TOO_LARGE", "Request body over 16 KB"],
  [
    429,
    "RATE_LIMITED",
    `Over ${API_KEY_RATE_LIMIT.ratePerSecond} requests/s per key (bursts of ${API_KEY_RATE_LIMIT.burst}); wait Retry-After seconds`,
  ],
  ["502–504", "UPSTREAM_UNAVAILABLE", "The Jobs API could not be reached for fresh links"],
  [500, "INTERNAL_ERROR", "Unexpected error; details are logged, never returned"],
];

/** The short reference of the /v1 API; the OpenAPI document has the full schemas. */
export function EndpointReference() {
  return (
    <div className="space-y-6">
      <Card>
        <CardBody className="divide-y divide-muted p-0">
          {ENDPOINTS.map((endpoint) => (
            <div key={endpoint.path} className="flex flex-col gap-1.5 px-5 py-4 sm:flex-row sm:items-baseline sm:gap-4">
              <div className="flex shrink-0 items-center gap-2 sm:w-96">
                <Badge tone={endpoint.method === "GET" ? "info" : "brand"} className="font-mono">
                  {endpoint.method}
                </Badge>
                <code className="font-mono text-ui text-emphasis">{endpoint.path}</code>
              </div>
              <p className="text-sm text-subtle">{endpoint.summary}</p>
            </div>
          ))}
        </CardBody>
      </Card>
      <Table aria-label="Errors">
        <TableHead>
          <tr>
            <TableHeaderCell>HTTP</TableHeaderCell>
            <TableHeaderCell>error.code</TableHeaderCell>
            <TableHeaderCell>When</TableHeaderCell>
          </tr>
        </TableHead>
        <TableBody>
          {ERRORS.map(([status, code, when]) => (
            <TableRow key={code}>
              <TableCell className="font-mono text-ui">{status}</TableCell>
              <TableRowHeaderCell className="font-mono text-ui">{code}</TableRowHeaderCell>
              <TableCell>{when}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
