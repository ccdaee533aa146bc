import type { ButtonHTMLAttributes } from "react";
import { cn } from "./cn";
import { Spinner } from "./spinner";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md" | "lg" | "icon";

const BASE =
  "inline-flex shrink-0 items-center justify-center gap-2 rounded-md font-medium whitespace-nowrap transition-colors " +
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus " +
  "disabled:pointer-events-none disabled:opacity-50 aria-busy:cursor-progress aria-busy:opacity-50";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-brand-emphasis text-white shadow-xs hover:bg-brand-emphasis/90",
  secondary: "border border-default bg-default text-emphasis shadow-xs hover:bg-subtle/60",
  ghost: "text-default hover:bg-subtle hover:text-emphasis",
  danger: "bg-danger-emphasis text-white shadow-xs hover:bg-danger-emphasis/90",
};

const SIZES: Record<ButtonSize, string> = {
  sm: "h-8 px-3 text-ui",
  md: "h-9 px-3.5 text-sm",
  lg: "h-10 px-4 text-sm",
  icon: "size-8",
};

/** The classes of a button, for links and other elements that must look like one. */
export function buttonClassName(
  variant: ButtonVariant = "primary",
  size: ButtonSize = "md",
  className?: string,
): string {
  return cn(BASE, VARIANTS[variant], SIZES[size], className);
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /**
   * Shows a spinner and marks the button busy and unavailable while its action runs. It stays
   * focusable: a disabled button loses focus, and a keyboard user would be sent back to the top
   * of the page each time they pressed one.
   */
  loading?: boolean;
}

export function Button({
  variant,
  size,
  loading = false,
  disabled,
  className,
  children,
  type = "button",
  onClick,
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled && !loading}
      aria-disabled={loading || undefined}
      aria-busy={loading || undefined}
      // Busy, a click does nothing: not even submit its form.
      onClick={loading ? (event) => event.preventDefault() : onClick}
      className={buttonClassName(variant, size, className)}
      {...props}
    >
      {loading && <Spinner />}
      {children}
    </button>
  );
}
