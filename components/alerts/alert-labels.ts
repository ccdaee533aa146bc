import { type AlertKind, DOWNLOAD_FAILURES_TO_ALERT } from "@/lib/alerts/types";

export const ALERT_KIND_LABELS: Record<AlertKind, { label: string; hint: string }> = {
  job_failed: { label: "A job fails or is rejected", hint: "One alert per job, with the Jobs API's reason." },
  job_stuck: { label: "A job is stuck", hint: "Past its step's usual time (this workspace's p95 × 1.5)." },
  endpoint_disabled: { label: "A webhook endpoint is disabled", hint: "After five days of failures, or a 410 Gone." },
  upstream_silent: {
    label: "The Jobs API goes quiet",
    hint: "No events for the hours below while jobs are in progress.",
  },
  download_failing: {
    label: "The Jobs API's download links fail",
    hint: `${DOWNLOAD_FAILURES_TO_ALERT} calls in a row to download-result fail (server errors, timeouts, a refused key), for members, /v1 clients or webhook deliveries alike.`,
  },
};
