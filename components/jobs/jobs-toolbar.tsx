"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { SearchIcon, XIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { type JobSort, jobSearchSchema } from "@/lib/jobs/schemas";
import { API_PRODUCTS, type ApiProduct } from "@/lib/workflow/workflows";
import type { JobListParams } from "./queries";
import { PRODUCT_LABELS, STATUS_LABELS } from "./status-style";

const SEARCH_DELAY_MS = 300;

export interface JobsToolbarProps {
  params: JobListParams;
  onChange: (patch: Partial<JobListParams>, mode?: "push" | "replace") => void;
  /** The search box's id, for the "/" shortcut. */
  searchId: string;
}

/** Search by job id, product filter, sort; and the exact-status filter when a link set one. */
export function JobsToolbar({ params, onChange, searchId }: JobsToolbarProps) {
  // The box's text is UI state; the URL (and so the query) follows it after a pause in typing.
  const [text, setText] = useState(params.q ?? "");
  const parsed = jobSearchSchema.safeParse(text);
  const problem = parsed.success ? undefined : parsed.error.issues[0]?.message;

  // Follow the URL when it changes from elsewhere (Back, "Clear filters"), not while typing.
  useEffect(() => {
    setText((current) =>
      (jobSearchSchema.safeParse(current).data || undefined) === params.q ? current : (params.q ?? ""),
    );
  }, [params.q]);
  useEffect(() => {
    if (!parsed.success || (parsed.data || undefined) === params.q) return;
    const timer = setTimeout(() => onChange({ q: parsed.data || undefined }, "replace"), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [parsed.success, parsed.data, params.q, onChange]);

  return (
    <div className="flex flex-col gap-3 py-4 sm:flex-row sm:items-start">
      <div className="relative min-w-0 flex-1 sm:max-w-sm">
        <label htmlFor={searchId} className="sr-only">
          Search by job id
        </label>
        <SearchIcon className="pointer-events-none absolute top-2.5 left-3 size-4 text-muted" />
        <Input
          id={searchId}
          type="search"
          aria-keyshortcuts="/"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Search by job id (e.g. job_3f2a…)"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${searchId}-error` : undefined}
          className="pl-9 font-mono text-ui placeholder:font-sans"
        />
        {problem && (
          <p id={`${searchId}-error`} className="mt-1.5 text-ui text-danger">
            {problem}
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2 sm:ml-auto">
        {params.status && (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => onChange({ status: undefined })}
            aria-label={`Remove status filter ${STATUS_LABELS[params.status]}`}
          >
            Status: {STATUS_LABELS[params.status]}
            <XIcon className="size-3.5" />
          </Button>
        )}
        <Select
          aria-label="Filter by product"
          value={params.apiProduct ?? ""}
          onChange={(event) => onChange({ apiProduct: (event.target.value || undefined) as ApiProduct | undefined })}
          className="w-40"
        >
          <option value="">All products</option>
          {API_PRODUCTS.map((product) => (
            <option key={product} value={product}>
              {PRODUCT_LABELS[product]}
            </option>
          ))}
        </Select>
        <Select
          aria-label="Sort"
          value={params.sort}
          onChange={(event) => onChange({ sort: event.target.value as JobSort })}
          className="w-36"
        >
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </Select>
      </div>
    </div>
  );
}
