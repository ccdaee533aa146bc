import Link from "next/link";
import { routes } from "@/components/routes";
import { Card } from "@/components/ui/card";
import { AlertIcon, ArrowRightIcon } from "@/components/ui/icons";

/** The way from Settings to the Alerts page. */
export function AlertsLinkCard() {
  return (
    <Card>
      <Link
        href={routes.alerts}
        className="group flex items-center gap-4 rounded-lg px-6 py-5 transition-colors hover:bg-subtle/60 focus-visible:outline-2 focus-visible:outline-focus"
      >
        <span className="flex size-9 shrink-0 items-center justify-center rounded-md bg-brand text-brand ring-1 ring-brand/10 ring-inset">
          <AlertIcon />
        </span>
        <span className="min-w-0 flex-1">
          <span className="block text-sm font-medium text-emphasis">Alerts</span>
          <span className="block text-ui text-subtle">Email or chat when jobs fail or are late, endpoints are disabled, or the Jobs API goes quiet.</span>
        </span>
        <ArrowRightIcon className="size-4 text-muted transition-transform group-hover:translate-x-0.5" />
      </Link>
    </Card>
  );
}
