import { cn } from "@/components/ui/cn";

export const PRODUCT_NAME = "Jobs Portal";
export const PRODUCT_TAGLINE = "Monitor media-processing jobs, their webhooks and results.";

/** The product's logo: a waveform in an indigo tile, then the name. */
export function ProductMark({ className, showName = true }: { className?: string; showName?: boolean }) {
  return (
    <span className={cn("inline-flex items-center gap-2.5", className)}>
      <span
        aria-hidden="true"
        className="flex size-7 items-center justify-center rounded-md bg-gradient-to-br from-brand-500 to-brand-700 text-white shadow-sm ring-1 ring-brand-700/30 ring-inset"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="size-4"
          fill="none"
          stroke="currentColor"
          strokeWidth={2.25}
          strokeLinecap="round"
        >
          <path d="M5 10v4M9.5 6.5v11M14 9v6M18.5 7.5v9" />
        </svg>
      </span>
      {showName && <span className="text-title font-semibold tracking-tight text-emphasis">{PRODUCT_NAME}</span>}
    </span>
  );
}
