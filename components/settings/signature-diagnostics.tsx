import type { SignatureDiagnostics } from "@/lib/inbound/types";

const label = "text-[12px] font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400";
const pre =
  "max-h-48 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-2.5 font-mono text-[12px] leading-relaxed break-all whitespace-pre-wrap text-zinc-800 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-200";

/** A signature mismatch laid open: what the HMAC was computed over, and the signatures side by side (first and last 4 characters). */
export function SignatureDiagnosticsView({ signature, redacted }: { signature: SignatureDiagnostics; redacted: boolean }) {
  return (
    <div className="space-y-3" data-testid="signature-diagnostics">
      <div className="space-y-1">
        <p className={label}>
          Signed string <span className="font-normal tracking-normal normal-case">— {signature.signedContent}, {signature.signingStringBytes} bytes, {signature.scheme}</span>
        </p>
        <pre className={pre} data-testid="signing-string">
          {signature.signingString}
        </pre>
        {redacted && (
          <p className="text-[12px] text-zinc-500 dark:text-zinc-400">
            Presigned-URL signatures and secrets are redacted here; the HMAC was computed over the bytes as received.
          </p>
        )}
      </div>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 font-mono text-[12.5px]">
        {signature.expected.map((entry) => (
          <div key={entry.secret} className="contents">
            <dt className="font-sans text-zinc-500 dark:text-zinc-400">Expected ({entry.secret} secret)</dt>
            <dd className="text-zinc-900 dark:text-zinc-100">{entry.signature}</dd>
          </div>
        ))}
        <dt className="font-sans text-zinc-500 dark:text-zinc-400">Received</dt>
        <dd className="text-zinc-900 dark:text-zinc-100">{signature.received.join("  ") || "—"}</dd>
      </dl>
    </div>
  );
}
