"use client";

import { useQuery } from "@tanstack/react-query";
import { LoadError } from "@/components/load-error";
import { SkeletonRows } from "@/components/ui/skeleton";
import { AlertHistory } from "./alert-history";
import { AlertRulesForm } from "./alert-rules-form";
import { alertsQuery } from "./queries";

export function AlertsPanel({ canManage }: { canManage: boolean }) {
  const { data, error, refetch, isFetching } = useQuery(alertsQuery());
  if (!data) {
    return error ? (
      <LoadError
        title="Alerts could not be loaded"
        message={error.message}
        onRetry={() => void refetch()}
        retrying={isFetching}
      />
    ) : (
      <SkeletonRows count={4} />
    );
  }
  return (
    <div className="space-y-6">
      {/* The form keeps what was typed, which after a save is what was saved. */}
      <AlertRulesForm config={data.config} canManage={canManage} />
      <AlertHistory alerts={data.alerts} />
    </div>
  );
}
