/**
 * The Home's button values: list, item and turn refs reuse the channel surfaces' formats; a
 * page button carries "<section>:<page>". Parsers refuse anything malformed or forged.
 */
import type { PagedSection } from "./model.ts";

const SECTIONS: readonly PagedSection[] = ["waiting"];
const MAX_PAGE = 9_999;

export const pageValue = (section: PagedSection, page: number): string => `${section}:${page}`;
export const turnValue = (turnId: number): string => `${turnId}`;

export function parsePageValue(value: unknown): { section: PagedSection; page: number } | null {
  if (typeof value !== "string") return null;
  const m = /^([a-z]{1,20}):(\d{1,4})$/.exec(value);
  const section = SECTIONS.find((s) => s === m?.[1]);
  if (!m || !section) return null;
  const page = Number(m[2]);
  return page <= MAX_PAGE ? { section, page } : null;
}
