import type { ReactNode } from "react";
import { cn } from "./cn";
import { AlertIcon, CheckIcon, InfoIcon } from "./icons";
import { LiveRegion } from "./live-region";

export type AlertTone = "info" | "success" | "warning" | "danger";

const TONES: Record<AlertTone, string> = {
  info: "border-info bg-info text-info",
  success: "border-success bg-success text-success",
  warning: "border-warning bg-warning text-warning",
  danger: "border-danger bg-danger text-danger",
};

export interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
  /** False: no live role of its own — a standing notice, or one inside a LiveRegion. */
  live?: boolean;
}

/** A banner for a message about the page or a form. Danger alerts are announced at once. */
export function Alert({ tone = "info", title, children, action, className, live = true }: AlertProps) {
  const Icon = tone === "success" ? CheckIcon : tone === "info" ? InfoIcon : AlertIcon;
  return (
    <div
      role={live ? (tone === "danger" ? "alert" : "status") : undefined}
      className={cn("flex items-start gap-3 rounded-md border px-3.5 py-3 text-sm", TONES[tone], className)}
    >
      <Icon className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1 space-y-0.5">
        {title && <p className="font-medium">{title}</p>}
        {/* Full strength, under a title too: the tone's text meets 4.5:1 on its tint only at full opacity. */}
        {children && <div>{children}</div>}
      </div>
      {action && <div className="shrink-0">{action}</div>}
    </div>
  );
}

/**
 * The answer to something the user just did ("Connection saved."), shown and announced while it
 * has children. Its live region is always in the page (see LiveRegion): put it in a flex or grid
 * container, where the empty region takes no room.
 */
export function LiveAlert({ children, className, ...props }: Omit<AlertProps, "live">) {
  return (
    <LiveRegion className={className}>
      {children ? (
        <Alert {...props} live={false}>
          {children}
        </Alert>
      ) : null}
    </LiveRegion>
  );
}
