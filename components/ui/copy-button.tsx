"use client";

import { useEffect, useState } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "./button";
import { copyToClipboard } from "./copy-to-clipboard";
import { CheckIcon, CopyIcon } from "./icons";

type CopyState = "idle" | "copied" | "failed";

export interface CopyButtonProps {
  /** The text, or a function that fetches it (a secret not yet revealed). */
  value: string | (() => Promise<string>);
  /** The accessible name, e.g. "Copy webhook URL". */
  label: string;
  /** Show "Copy"/"Copied" beside the icon; icon-only buttons still announce the result. */
  showText?: boolean;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}

export function CopyButton({
  value,
  label,
  showText = false,
  variant = "secondary",
  size,
  className,
}: CopyButtonProps) {
  const [state, setState] = useState<CopyState>("idle");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    setBusy(true);
    try {
      await copyToClipboard(typeof value === "string" ? value : await value());
      setState("copied");
    } catch {
      setState("failed");
    } finally {
      setBusy(false);
    }
  }

  const text = state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy";
  return (
    <>
      <Button
        variant={variant}
        size={size ?? (showText ? "sm" : "icon")}
        onClick={copy}
        loading={busy}
        aria-label={showText ? undefined : label}
        title={showText ? undefined : label}
        className={className}
      >
        {!busy && (state === "copied" ? <CheckIcon className="size-4 text-success" /> : <CopyIcon />)}
        {showText && <span>{text}</span>}
      </Button>
      {/* Announces the outcome without moving focus. */}
      <span role="status" aria-live="polite" className="sr-only">
        {state === "idle" ? "" : text}
      </span>
    </>
  );
}
