import type { ReactNode } from "react";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import type { AttemptView, SentRequest } from "@/lib/delivery/types";

// The parts of one attempt's exchange in the delivery debugger: what went out, what was signed,
// what came back. Pure presentation of an AttemptDebugView.

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section aria-label={title} className="space-y-2">
      <div className="flex items-center justify-between gap-3">
        <h3 className="text-sm font-semibold text-emphasis">{title}</h3>
        {action}
      </div>
      {children}
    </section>
  );
}

function Code({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <CodeBlock
      data-testid={testId}
      className="max-h-56 overflow-auto rounded-md border border-subtle bg-muted p-3 font-mono text-caption leading-relaxed break-all whitespace-pre-wrap text-emphasis"
    >
      {children}
    </CodeBlock>
  );
}

function Headers({ headers, testId }: { headers: Record<string, string>; testId: string }) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return <p className="text-ui text-subtle">No headers were kept.</p>;
  return (
    <dl
      data-testid={testId}
      className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 rounded-md border border-subtle px-3 py-2 font-mono text-caption"
    >
      {entries.map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="text-subtle">{name}</dt>
          <dd className="break-all text-emphasis">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function RequestSection({ request }: { request: SentRequest | null }) {
  if (!request) {
    return (
      <Section title="Request">
        <p className="text-ui text-subtle">
          Nothing was sent on this attempt, or the retention period has removed what was.
        </p>
      </Section>
    );
  }
  return (
    <>
      <Section title="Request">
        <p className="font-mono text-caption break-all text-emphasis">
          <span className="font-semibold">{request.method}</span> {request.url}
        </p>
        <Headers headers={request.headers} testId="debug-request-headers" />
        <Code testId="debug-request-body">{request.body}</Code>
        <p className="text-caption text-subtle">
          The body exactly as sent, except that the presigned links&apos; signatures are redacted.
          {request.truncated && " Only its start was kept."}
        </p>
      </Section>
      <Section
        title="Signed content"
        action={
          <CopyButton
            value={request.signedContent}
            label="Copy the signed content"
            variant="ghost"
            className="size-7"
          />
        }
      >
        <Code testId="debug-signed-content">{request.signedContent}</Code>
        <p className="text-caption text-subtle">
          <code className="font-mono">{"{webhook-id}.{webhook-timestamp}.{body}"}</code>: HMAC-SHA256 of this with your
          endpoint&apos;s secret is the <code className="font-mono">webhook-signature</code>.
        </p>
      </Section>
    </>
  );
}

export function ResponseSection({
  attempt,
  headers,
}: {
  attempt: AttemptView;
  headers: Record<string, string> | null;
}) {
  return (
    <Section title="Response">
      {attempt.error && <p className="text-ui text-danger">{attempt.error}</p>}
      {headers && <Headers headers={headers} testId="debug-response-headers" />}
      {attempt.responseExcerpt ? (
        <Code testId="debug-response-body">{attempt.responseExcerpt}</Code>
      ) : (
        !attempt.error && <p className="text-ui text-subtle">Empty response body.</p>
      )}
    </Section>
  );
}
