// Response type of GET /api/settings/retention, importable by client components (no server code).
export interface RetentionView {
  /** Events, deliveries and attempts older than this many days are removed; jobs are kept. */
  days: number;
}
