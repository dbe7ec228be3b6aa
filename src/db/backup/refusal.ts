/** A backup, restore or copy that will not go ahead, and why: printed as is by `pbb db`. */
export class DbOpRefused extends Error {
  override name = "DbOpRefused";
}

export const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((value, i) => value === b[i]);

/** "A, B, C and 4 more" */
export function listSome(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max).join(", ");
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
