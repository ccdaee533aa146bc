import Link from "next/link";
import type { ReactNode } from "react";
import { PRODUCT_TAGLINE, ProductMark } from "@/components/product-mark";
import { routes } from "@/components/routes";

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
        <Link
          href={routes.home}
          className="rounded-md focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-focus"
        >
          <ProductMark className="scale-110" />
        </Link>
        <p className="mt-4 max-w-sm text-sm text-subtle">{PRODUCT_TAGLINE}</p>
      </div>
      <div className="rounded-xl border border-subtle bg-default p-8 shadow-sm">
        <h1 className="mb-6 text-lg font-semibold tracking-tight text-emphasis">{title}</h1>
        {children}
      </div>
      {footer && <p className="mt-6 text-center text-sm text-subtle">{footer}</p>}
    </div>
  );
}

export const AUTH_LINK_CLASSES = "link font-medium focus-visible:outline-2 focus-visible:outline-focus rounded-sm";

/** The line under an auth card that leads to the other auth page: "New here? Create an account". */
export function AuthCardFooterLink({ prompt, href, children }: { prompt: string; href: string; children: ReactNode }) {
  return (
    <>
      {prompt}{" "}
      <Link href={href} className={AUTH_LINK_CLASSES}>
        {children}
      </Link>
    </>
  );
}
