import pg from "pg";

// Behind a transaction pooler (PgBouncer before 1.21, RDS Proxy, Supavisor in transaction mode)
// consecutive statements of one client may run on different server connections, so a named
// prepared statement created on one is missing on the next ("prepared statement ... does not
// exist"), or a name is taken by another client's. The portal's own statements (delivery claims,
// ingest) and rate-limiter-flexible's PostgreSQL store pass `name` to pg for the plan cache; this
// client drops the name, so each runs as an unnamed statement (Parse/Bind/Execute in one round
// trip, as Prisma's do), and the same code runs unchanged with or without a pooler.
export function withoutStatementName(config: unknown): unknown {
  if (!config || typeof config !== "object" || "submit" in config || !("name" in config) || !config.name) return config;
  const { name: _name, ...unnamed } = config as Record<string, unknown>;
  return unnamed;
}

export class UnnamedStatementClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    this.query = ((config: unknown, ...rest: unknown[]) =>
      query(withoutStatementName(config), ...rest)) as pg.Client["query"];
  }
}
