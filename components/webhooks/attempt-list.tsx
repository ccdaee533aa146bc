import { CodeBlock } from "@/components/ui/code-block";
import { formatExact } from "@/components/ui/format";
import type { AttemptView } from "@/lib/delivery/types";
import { formatLatency } from "./format-delivery";
import { StatusCodeBadge } from "./status-code-badge";

/** Every HTTP attempt of a delivery, latest first: what the receiver answered, or why there was no answer. */
export function AttemptList({
  attempts,
  onInspect,
}: {
  attempts: AttemptView[];
  onInspect?: (attemptId: string) => void;
}) {
  if (attempts.length === 0) {
    return <p className="text-sm text-subtle">Not attempted yet.</p>;
  }
  return (
    <ol className="space-y-3">
      {[...attempts].reverse().map((attempt) => (
        <li key={attempt.id} data-testid="delivery-attempt" className="rounded-md border border-subtle">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-muted px-3 py-2 text-ui">
            <span className="font-medium text-emphasis">Attempt {attempt.attemptNumber}</span>
            <StatusCodeBadge statusCode={attempt.statusCode} />
            <span className="text-subtle tabular-nums">{formatLatency(attempt.durationMs)}</span>
            <time dateTime={attempt.startedAt} className="ml-auto text-subtle">
              {formatExact(attempt.startedAt)}
            </time>
            {onInspect && (
              <button
                type="button"
                className="link text-ui"
                onClick={() => onInspect(attempt.id)}
                aria-label={`Attempt ${attempt.attemptNumber}: request and answer`}
              >
                Request and answer
              </button>
            )}
          </div>
          <div className="space-y-2 px-3 py-2.5">
            {attempt.error && <p className="text-ui text-danger">{attempt.error}</p>}
            {attempt.responseExcerpt ? (
              <CodeBlock className="max-h-40 overflow-auto rounded bg-muted p-2.5 font-mono text-caption leading-relaxed whitespace-pre-wrap break-all text-emphasis">
                {attempt.responseExcerpt}
              </CodeBlock>
            ) : (
              !attempt.error && <p className="text-ui text-muted">Empty response body</p>
            )}
            {attempt.nextRetryAt && (
              <p className="text-ui text-subtle">Retry scheduled for {formatExact(attempt.nextRetryAt)}</p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
