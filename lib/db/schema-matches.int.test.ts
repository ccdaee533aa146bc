import { readFileSync } from "node:fs";
import path from "node:path";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The migration SQL is written by hand (no schema engine here). This proves the migrated database
// is what schema.prisma describes: tables, columns, types, nullability, enums, primary and unique
// keys, indexes (with sort order) and foreign keys — read from Prisma's own parser (DMMF).
interface DmmfField {
  name: string;
  kind: "scalar" | "object" | "enum";
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  fields: Array<{ name: string; sortOrder?: "asc" | "desc" }>;
}
interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: Array<{ name: string; values: Array<{ name: string }> }>;
    indexes: DmmfIndex[];
  };
}

const schema = readFileSync(path.resolve("prisma/schema.prisma"), "utf8");
const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] }))) as Dmmf;

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
  Decimal: "numeric",
};

// Element types of array columns, as udt_name spells them.
const SCALAR_ARRAY_TYPES: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Float: "float8",
  Boolean: "bool",
  DateTime: "timestamp",
};

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(async () => {
  await client.end();
});

describe("the migrated database matches schema.prisma", () => {
  it("has exactly the schema's tables", async () => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const expected = dmmf.datamodel.models.map((model) => model.dbName ?? model.name).sort();
    expect(rows.map((row) => row.table_name).sort()).toEqual(expected);
  });

  it("has exactly the schema's enums and values", async () => {
    const { rows } = await client.query<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const actual = Object.fromEntries(rows.map((row) => [row.name, row.values]));
    const expected = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)]));
    expect(actual).toEqual(expected);
  });

  it.each(dmmf.datamodel.models.map((model) => [model.name, model] as const))(
    "%s has the schema's columns",
    async (_name, model) => {
      const { rows } = await client.query<{
        column_name: string;
        data_type: string;
        udt_name: string;
        is_nullable: string;
        numeric_precision: number | null;
        numeric_scale: number | null;
      }>(
        `SELECT column_name, data_type, udt_name, is_nullable, numeric_precision, numeric_scale
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
        [model.dbName ?? model.name],
      );
      const actual = Object.fromEntries(
        rows.map((row) => [
          row.column_name,
          {
            type:
              row.data_type === "USER-DEFINED"
                ? row.udt_name
                : row.data_type === "ARRAY"
                  ? `${row.udt_name.slice(1)}[]`
                  : row.data_type,
            nullable: row.is_nullable === "YES",
            ...(row.data_type === "numeric" ? { precision: [row.numeric_precision, row.numeric_scale] } : {}),
          },
        ]),
      );
      const expected = Object.fromEntries(
        model.fields
          .filter((field) => field.kind !== "object")
          .map((field) => [
            field.name,
            {
              type: field.isList
                ? `${field.kind === "enum" ? field.type : SCALAR_ARRAY_TYPES[field.type]}[]`
                : field.kind === "enum"
                  ? field.type
                  : SCALAR_TYPES[field.type],
              // Prisma creates list columns without NOT NULL.
              nullable: field.isList || !field.isRequired,
              ...(field.type === "Decimal" ? { precision: (field.nativeType?.[1] ?? ["65", "30"]).map(Number) } : {}),
            },
          ]),
      );
      expect(actual).toEqual(expected);
    },
  );

  it("has exactly the schema's primary keys, unique constraints and indexes", async () => {
    const { rows } = await client.query<{
      table: string;
      columns: string[];
      unique: boolean;
      primary: boolean;
      desc: boolean[];
    }>(
      `SELECT t.relname AS table, ix.indisunique AS unique, ix.indisprimary AS primary,
              array_agg(a.attname ORDER BY k.ord)::text[] AS columns,
              array_agg((ix.indoption[k.ord - 1] & 1) = 1 ORDER BY k.ord) AS desc
         FROM pg_index ix
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
         JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE t.relname <> '_prisma_migrations'
        GROUP BY t.relname, ix.indexrelid, ix.indisunique, ix.indisprimary`,
    );
    const describeIndex = (table: string, kind: string, columns: string[], desc: boolean[]) =>
      `${table} ${kind} (${columns.map((column, i) => `${column}${desc[i] ? " desc" : ""}`).join(", ")})`;
    const actual = rows
      .map((row) =>
        describeIndex(row.table, row.primary ? "id" : row.unique ? "unique" : "normal", row.columns, row.desc),
      )
      .sort();
    const expected = dmmf.datamodel.indexes
      .map((index) =>
        describeIndex(
          index.model,
          index.type,
          index.fields.map((f) => f.name),
          index.fields.map((f) => f.sortOrder === "desc"),
        ),
      )
      .sort();
    expect(actual).toEqual(expected);
  });

  it("has exactly the schema's foreign keys with their delete rules", async () => {
    const { rows } = await client.query<{
      table: string;
      columns: string[];
      target: string;
      target_columns: string[];
      on_delete: string;
    }>(
      `SELECT c.conrelid::regclass::text AS table, c.confrelid::regclass::text AS target,
              array(SELECT attname FROM unnest(c.conkey) k JOIN pg_attribute ON attrelid = c.conrelid AND attnum = k)::text[] AS columns,
              array(SELECT attname FROM unnest(c.confkey) k JOIN pg_attribute ON attrelid = c.confrelid AND attnum = k)::text[] AS target_columns,
              c.confdeltype AS on_delete
         FROM pg_constraint c WHERE c.contype = 'f'`,
    );
    const rules: Record<string, string> = { c: "Cascade", r: "Restrict", n: "SetNull", a: "NoAction", d: "SetDefault" };
    const actual = rows
      .map(
        (row) =>
          `${row.table.replaceAll('"', "")}(${row.columns}) -> ${row.target.replaceAll('"', "")}(${row.target_columns}) ${rules[row.on_delete]}`,
      )
      .sort();
    const expected = dmmf.datamodel.models
      .flatMap((model) =>
        model.fields
          .filter((field) => field.relationFromFields?.length)
          .map(
            (field) =>
              `${model.name}(${field.relationFromFields}) -> ${field.type}(${field.relationToFields}) ${field.relationOnDelete ?? "Restrict"}`,
          ),
      )
      .sort();
    expect(actual).toEqual(expected);
  });
});
