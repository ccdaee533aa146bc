/**
 * Joins class names, skipping falsy ones. Without tailwind-merge a caller's class does not
 * override a conflicting default utility, so primitives keep their defaults few and additive.
 */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}
