// Prisma CLI configuration. Only `prisma generate` runs here (see DEVELOPERS.md); the URL is
// read for machines that can run Prisma's own migrate commands against the same history.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
