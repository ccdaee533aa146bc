import type { HTMLAttributes } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "brand" | "success" | "warning" | "danger" | "info";

const TONES: Record<BadgeTone, string> = {
  neutral: "bg-subtle text-default ring-subtle",
  brand: "bg-brand text-brand ring-brand/20",
  success: "bg-success text-success ring-success",
  warning: "bg-warning text-warning ring-warning",
  danger: "bg-danger text-danger ring-danger",
  info: "bg-info text-info ring-info",
};

const DOTS: Record<BadgeTone, string> = {
  neutral: "bg-neutral-emphasis",
  brand: "bg-brand-emphasis",
  success: "bg-success-emphasis",
  warning: "bg-warning-emphasis",
  danger: "bg-danger-emphasis",
  info: "bg-info-emphasis",
};

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: BadgeTone;
  /** A leading status dot; `pulse` animates it for things in progress. */
  dot?: boolean | "pulse";
}

export function Badge({ tone = "neutral", dot, className, children, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        TONES[tone],
        className,
      )}
      {...props}
    >
      {dot && (
        <span
          aria-hidden="true"
          className={cn("size-1.5 rounded-full", DOTS[tone], dot === "pulse" && "animate-pulse")}
        />
      )}
      {children}
    </span>
  );
}
