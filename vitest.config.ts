import path from "node:path";
import { defineConfig } from "vitest/config";

// Tests run on the server side: `server-only` resolves to its empty entry (as in tsconfig.json).
const alias = {
  "@": path.resolve(import.meta.dirname, "."),
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

// Two tiers: unit tests beside pure logic, integration tests (*.int.test.ts) against a real
// PostgreSQL — embedded by default, or the server DATABASE_URL points at (a fresh database is
// created on it for every run and dropped afterwards).
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: [
            "lib/**/*.test.ts",
            "simulator/**/*.test.ts",
            "scripts/**/*.test.ts",
            "components/**/*.test.ts",
            "components/**/*.test.tsx",
          ],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**", ".data/**"],
          globalSetup: ["test/database-global-setup.ts"],
          setupFiles: ["test/integration-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
