// SQL with named parameters (`:workspaceId`), compiled once to PostgreSQL's positional `$n`, so
// that a long statement reads by name and its values are passed as an object: no counting of
// positions, no silent shift when a parameter is added. `::type` casts, string literals, quoted
// identifiers and comments are left alone; a name is a letter or underscore followed by letters,
// digits or underscores, and may occur several times. The statement can still be a named prepared
// statement (pass `name` to pg's query config): compiled once, at module load, its text is the same
// on every call.
const PARAMETER = /(?<![:\w]):([A-Za-z_]\w*)/g;
// What is left alone: string literals, quoted identifiers, comments.
const UNTOUCHED = /('(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*)/;

export interface NamedSql<Params extends Record<string, unknown>> {
  /** The statement with `$1`, `$2`, … in place of the names. */
  readonly text: string;
  /** The names, in `$n` order. */
  readonly names: ReadonlyArray<keyof Params & string>;
  /** The values in `$n` order; throws when one is missing (pass null for SQL NULL). */
  values(params: Params): unknown[];
}

export function namedSql<Params extends Record<string, unknown>>(source: string): NamedSql<Params> {
  const names: string[] = [];
  const text = source
    .split(UNTOUCHED)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(PARAMETER, (_match, name: string) => {
            let position = names.indexOf(name);
            if (position < 0) position = names.push(name) - 1;
            return `$${position + 1}`;
          }),
    )
    .join("");
  return {
    text,
    names: names as Array<keyof Params & string>,
    values(params) {
      return names.map((name) => {
        const value = params[name];
        if (value === undefined) throw new Error(`named SQL: no value for :${name}`);
        return value;
      });
    },
  };
}
