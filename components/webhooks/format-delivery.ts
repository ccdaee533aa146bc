import type { BadgeTone } from "@/components/ui/badge";
import type { DeliveryView } from "@/lib/delivery/types";

// How deliveries and their outcomes read in the log, the dialogs and the job page. Pure functions.
export interface DeliveryStatusStyle {
  label: string;
  tone: BadgeTone;
  dot: true | "pulse";
}

export function deliveryStatusStyle(delivery: Pick<DeliveryView, "status" | "attemptCount">): DeliveryStatusStyle {
  switch (delivery.status) {
    case "succeeded":
      return { label: "Succeeded", tone: "success", dot: true };
    case "failed":
      return { label: "Failed", tone: "danger", dot: true };
    case "delivering":
      return { label: "Sending", tone: "info", dot: "pulse" };
    case "pending":
      // A pending delivery that was already attempted is waiting for a retry.
      return delivery.attemptCount > 0
        ? { label: "Retrying", tone: "warning", dot: "pulse" }
        : { label: "Pending", tone: "neutral", dot: "pulse" };
  }
}

/** The tone of an HTTP answer: 2xx accepted, anything else (or none) a failure. */
export function statusCodeTone(statusCode: number | null): BadgeTone {
  if (statusCode === null) return "danger";
  if (statusCode >= 200 && statusCode < 300) return "success";
  return statusCode >= 500 || statusCode === 410 ? "danger" : "warning";
}

/** "84 ms", "1.2 s". */
export function formatLatency(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** "98.5%", "100%", or an em dash with nothing attempted. */
export function formatSuccessRate(rate: number | null): string {
  if (rate === null) return "—";
  const percent = rate * 100;
  return `${percent === 100 || percent === 0 ? percent : percent.toFixed(1)}%`;
}

export function successRateTone(rate: number | null): BadgeTone {
  if (rate === null) return "neutral";
  if (rate >= 0.95) return "success";
  return rate >= 0.5 ? "warning" : "danger";
}

/** A delay as the retry schedule reads: "5 s", "30 min", "2 h", "2 h 35 min", "5 min 5 s". */
export function formatDelay(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  if (seconds === 0) return "at once";
  const parts =
    h > 0
      ? [
          [h, "h"],
          [m, "min"],
        ]
      : m > 0
        ? [
            [m, "min"],
            [s, "s"],
          ]
        : [[s, "s"]];
  return parts
    .filter(([value]) => value !== 0)
    .map(([value, unit]) => `${value} ${unit}`)
    .join(" ");
}
