import { formatExact } from "@/components/jobs/format";
import type { AttemptView } from "@/lib/delivery/serialize-delivery";
import { formatLatency } from "./format-delivery";
import { StatusCodeBadge } from "./status-code-badge";

/** Every HTTP attempt of a delivery, latest first: what the receiver answered, or why there was no answer. */
export function AttemptList({ attempts }: { attempts: AttemptView[] }) {
  if (attempts.length === 0) {
    return <p className="text-sm text-zinc-500 dark:text-zinc-400">Not attempted yet.</p>;
  }
  return (
    <ol className="space-y-3">
      {[...attempts].reverse().map((attempt) => (
        <li key={attempt.id} data-testid="delivery-attempt" className="rounded-md border border-zinc-200 dark:border-zinc-800">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-zinc-100 px-3 py-2 text-[13px] dark:border-zinc-800">
            <span className="font-medium text-zinc-900 dark:text-zinc-100">Attempt {attempt.attemptNumber}</span>
            <StatusCodeBadge statusCode={attempt.statusCode} />
            <span className="text-zinc-500 tabular-nums dark:text-zinc-400">{formatLatency(attempt.durationMs)}</span>
            <time dateTime={attempt.startedAt} className="ml-auto text-zinc-500 dark:text-zinc-400">
              {formatExact(attempt.startedAt)}
            </time>
          </div>
          <div className="space-y-2 px-3 py-2.5">
            {attempt.error && <p className="text-[13px] text-red-700 dark:text-red-400">{attempt.error}</p>}
            {attempt.responseExcerpt ? (
              <pre className="max-h-40 overflow-auto rounded bg-zinc-50 p-2.5 font-mono text-[12px] leading-relaxed whitespace-pre-wrap break-all text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200">
                {attempt.responseExcerpt}
              </pre>
            ) : (
              !attempt.error && <p className="text-[13px] text-zinc-400">Empty response body</p>
            )}
            {attempt.nextRetryAt && <p className="text-[13px] text-zinc-500 dark:text-zinc-400">Retry scheduled for {formatExact(attempt.nextRetryAt)}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
