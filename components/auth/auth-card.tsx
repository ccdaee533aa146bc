import Link from "next/link";
import type { ReactNode } from "react";
import { PRODUCT_TAGLINE, ProductMark } from "@/components/product-mark";

export interface AuthCardProps {
  title: string;
  children: ReactNode;
  /** A line under the card, e.g. the link to the other auth page. */
  footer?: ReactNode;
}

/** The centred card of the sign-in and sign-up pages. */
export function AuthCard({ title, children, footer }: AuthCardProps) {
  return (
    <div className="w-full max-w-[400px]">
      <div className="mb-8 flex flex-col items-center text-center">
        <Link href="/" className="rounded-md focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-brand-500">
          <ProductMark className="scale-110" />
        </Link>
        <p className="mt-4 max-w-sm text-sm text-zinc-500 dark:text-zinc-400">{PRODUCT_TAGLINE}</p>
      </div>
      <div className="rounded-xl border border-zinc-200 bg-white p-8 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <h1 className="mb-6 text-lg font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">{title}</h1>
        {children}
      </div>
      {footer && <p className="mt-6 text-center text-sm text-zinc-500 dark:text-zinc-400">{footer}</p>}
    </div>
  );
}

export const AUTH_LINK_CLASSES =
  "font-medium text-brand-600 hover:text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500 rounded-sm dark:text-brand-300";
