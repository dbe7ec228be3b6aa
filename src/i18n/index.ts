import { areas } from "./catalog/index.ts";
import type { Message } from "./define.ts";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** A stored locale if it is one of ours, else `fallback`. */
export function localeOr(value: unknown, fallback: Locale = "zh-CN"): Locale {
  return LOCALES.find((l) => l === value) ?? fallback;
}

type AreaKeys<A> = A extends { en: Record<infer K, Message> } ? K : never;
export type MessageKey = AreaKeys<(typeof areas)[number]>;

const catalogs: Record<Locale, Map<string, Message>> = { en: new Map(), "zh-CN": new Map() };
for (const area of areas) {
  for (const locale of LOCALES) {
    for (const [key, message] of Object.entries(area[locale])) catalogs[locale].set(key, message);
  }
}

/** Render a message in a locale. Placeholders `{name}` take `params.name`. */
export function t(locale: Locale, key: MessageKey, params: Record<string, unknown> = {}): string {
  const message = catalogs[locale].get(key) ?? catalogs.en.get(key);
  if (message === undefined) throw new Error(`missing message ${key}`);
  if (typeof message === "function") return message(params);
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A translator bound to one locale, for builders that render many messages. */
export type Translator = (key: MessageKey, params?: Record<string, unknown>) => string;
export const translator =
  (locale: Locale): Translator =>
  (key, params) =>
    t(locale, key, params);

export function allKeys(): string[] {
  return [...catalogs.en.keys()];
}
