import { CodeBlock } from "@/components/ui/code-block";
import type { SignatureDiagnostics } from "@/lib/inbound/types";

const label = "text-caption font-medium tracking-wide text-subtle uppercase";
const pre =
  "max-h-48 overflow-auto rounded-md border border-subtle bg-muted p-2.5 font-mono text-caption leading-relaxed break-all whitespace-pre-wrap text-emphasis";

/** A signature mismatch laid open: what the HMAC was computed over, and the signatures side by side (first and last 4 characters). */
export function SignatureDiagnosticsView({
  signature,
  redacted,
}: {
  signature: SignatureDiagnostics;
  redacted: boolean;
}) {
  return (
    <div className="space-y-3" data-testid="signature-diagnostics">
      <div className="space-y-1">
        <p className={label}>
          Signed string{" "}
          <span className="font-normal tracking-normal normal-case">
            — {signature.signedContent}, {signature.signingStringBytes} bytes, {signature.scheme}
          </span>
        </p>
        <CodeBlock className={pre} data-testid="signing-string">
          {signature.signingString}
        </CodeBlock>
        {redacted && (
          <p className="text-caption text-subtle">
            Presigned-URL signatures and secrets are redacted here; the HMAC was computed over the bytes as received.
          </p>
        )}
      </div>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 font-mono text-code">
        {signature.expected.map((entry) => (
          <div key={entry.secret} className="contents">
            <dt className="font-sans text-subtle">Expected ({entry.secret} secret)</dt>
            <dd className="text-emphasis">{entry.signature}</dd>
          </div>
        ))}
        <dt className="font-sans text-subtle">Received</dt>
        <dd className="text-emphasis">{signature.received.join("  ") || "—"}</dd>
      </dl>
    </div>
  );
}
