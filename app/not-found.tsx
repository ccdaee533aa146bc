import Link from "next/link";
import { ProductMark } from "@/components/product-mark";
import { routes } from "@/components/routes";
import { buttonClassName } from "@/components/ui/button";

export const metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-6 text-center">
      <Link href={routes.home} className="mb-12 rounded-md focus-visible:outline-2 focus-visible:outline-focus">
        <ProductMark />
      </Link>
      <p className="font-mono text-sm font-medium text-brand">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-emphasis">Page not found</h1>
      <p className="mt-2 max-w-sm text-sm text-subtle">
        The page you are looking for does not exist, or you do not have access to it.
      </p>
      <Link href={routes.jobs} className={buttonClassName("primary", "md", "mt-8")}>
        Back to Jobs
      </Link>
    </main>
  );
}
