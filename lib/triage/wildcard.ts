export type StringMatcher = (value: string) => boolean;

/**
 * EQL `:` semantics (shared/docs/detection.md §2.4): whole value, case-insensitive, `*` = any run,
 * `?` = exactly one code point, no escape for either.
 */
export function compileWildcard(pattern: string): StringMatcher {
  if (!/[*?]/.test(pattern)) {
    const lower = pattern.toLowerCase();
    return (value) => value.toLowerCase() === lower;
  }
  const source = Array.from(pattern, (ch) =>
    ch === "*" ? "[\\s\\S]*" : ch === "?" ? "[\\s\\S]" : ch.replace(/[.+^${}()|[\]\\/]/g, "\\$&"),
  ).join("");
  const regex = new RegExp(`^${source}$`, "iu");
  return (value) => regex.test(value);
}

/** True when the pattern can only be `*`s, i.e. it matches every value and constrains nothing. */
export function isMatchAll(pattern: string): boolean {
  return /^\**$/.test(pattern) && pattern.length > 0;
}
