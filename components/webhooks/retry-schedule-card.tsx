import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  TableRowHeaderCell,
} from "@/components/ui/table";
import {
  FAILING_DISABLE_AFTER_MS,
  JITTER,
  MAX_ATTEMPTS,
  MAX_RETRY_AFTER_MS,
  PUBLISHED_SEND_TIMEOUT_MS,
  retryTimeline,
} from "@/lib/delivery/retry-schedule";
import { formatDelay } from "./format-delivery";

// The retry schedule as the worker applies it (lib/delivery/retry-schedule.ts), published where
// people look when their endpoint fails: every number here comes from the same constants.
const DAYS = FAILING_DISABLE_AFTER_MS / 86_400_000;

/** Each attempt with its delay, then what happens when they all fail. */
export function RetryScheduleCard() {
  const timeline = retryTimeline();
  return (
    <div>
      <Table aria-label="Retry schedule" className="text-ui">
        <TableHead>
          <tr>
            <TableHeaderCell>Attempt</TableHeaderCell>
            <TableHeaderCell>After the previous one</TableHeaderCell>
            <TableHeaderCell>After the event</TableHeaderCell>
          </tr>
        </TableHead>
        <TableBody>
          {timeline.map(({ attempt, afterPreviousMs, sinceFirstMs }) => (
            <TableRow key={attempt} data-testid="retry-schedule-row">
              <TableRowHeaderCell className="tabular-nums">{attempt}</TableRowHeaderCell>
              <TableCell className="tabular-nums">{attempt === 1 ? "—" : formatDelay(afterPreviousMs)}</TableCell>
              <TableCell className="tabular-nums">
                {attempt === 1 ? "at once" : `about ${formatDelay(sinceFirstMs)}`}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className="mt-3 space-y-2 text-ui leading-relaxed text-subtle">
        <p>
          An attempt succeeds when your server answers 2xx within {PUBLISHED_SEND_TIMEOUT_MS / 1000} seconds; redirects
          are not followed. Each delay varies by up to ±{JITTER * 100} %. On 429 or 503 a{" "}
          <code className="font-mono">Retry-After</code> of up to {MAX_RETRY_AFTER_MS / 3_600_000} hours replaces the
          next delay, without adding attempts.
        </p>
        <p>
          After the {MAX_ATTEMPTS}th failed attempt the delivery is marked failed; replay it from the log once your
          server is fixed. If no delivery to the endpoint succeeds for {DAYS} days after the first failure, the endpoint
          is disabled, whether or not anything was still being retried; a 410 Gone answer disables it at once.
        </p>
      </div>
    </div>
  );
}
