"use client";

import { Button } from "./button";
import { cn } from "./cn";
import { CopyButton } from "./copy-button";
import { EyeIcon, EyeOffIcon } from "./icons";
import { Spinner } from "./spinner";

export interface SecretFieldProps {
  /** Accessible name of the value, e.g. "Signing secret". */
  label: string;
  /** The secret once known; the field shows a mask until `revealed`. */
  value?: string;
  revealed: boolean;
  onRevealedChange: (revealed: boolean) => void;
  /** True while the secret is being fetched for reveal. */
  loading?: boolean;
  /** What copy puts on the clipboard; a function fetches a secret not yet revealed. */
  copyValue: string | (() => Promise<string>);
  /** A visible prefix in the mask, e.g. "whsec_", so users know which kind of secret it is. */
  maskPrefix?: string;
  className?: string;
}

const MASK = "•".repeat(32);

/** A masked secret with reveal and copy. Holds no data itself: the owner fetches and passes it. */
export function SecretField({
  label,
  value,
  revealed,
  onRevealedChange,
  loading,
  copyValue,
  maskPrefix = "",
  className,
}: SecretFieldProps) {
  const shown = revealed && value !== undefined;
  return (
    <div className={cn("flex items-center gap-2", className)}>
      <output
        aria-label={label}
        data-testid="secret-value"
        className={cn(
          // A long value wraps rather than scrolls: all of it in view, and no scroll box a keyboard cannot reach.
          "flex min-h-9 min-w-0 flex-1 items-center rounded-md border border-subtle bg-muted px-3 py-1.5 font-mono text-ui break-all",
          shown ? "text-emphasis" : "text-muted",
        )}
      >
        {loading ? <Spinner className="text-muted" /> : shown ? value : `${maskPrefix}${MASK}`}
      </output>
      <Button
        variant="secondary"
        size="icon"
        aria-pressed={revealed}
        aria-label={revealed ? `Hide ${label.toLowerCase()}` : `Reveal ${label.toLowerCase()}`}
        title={revealed ? "Hide" : "Reveal"}
        onClick={() => onRevealedChange(!revealed)}
      >
        {revealed ? <EyeOffIcon /> : <EyeIcon />}
      </Button>
      <CopyButton value={copyValue} label={`Copy ${label.toLowerCase()}`} />
    </div>
  );
}
