/**
 * One rounding rule for every percentage the bot shows (channel, Home, reports, chart): the
 * nearest whole percent, halves rounded up, so 2/3 is 67% everywhere. The workbook keeps the
 * exact fraction and formats it with the same whole-percent format.
 */

/** Whole percent of a fraction (0.6667 → 67). */
export const wholePercent = (rate: number): number => Math.round(rate * 100);

/** Whole percent of `part` of `whole`, or null when there is nothing to count. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : wholePercent(part / whole);
}

/** "67%", or "—" when there is nothing to count. */
export function percentText(rate: number | null | undefined): string {
  return typeof rate === "number" ? `${wholePercent(rate)}%` : "—";
}
