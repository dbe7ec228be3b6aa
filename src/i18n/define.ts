/**
 * One catalog area: the English messages define the keys, zh-CN must provide every one of them.
 * A message is a string with `{name}` placeholders, or a function for plurals and lists.
 */
export type Message = string | ((params: Record<string, unknown>) => string);
export type AreaCatalog<K extends string> = { en: Record<K, Message>; "zh-CN": Record<K, Message> };

export function defineArea<const T extends Record<string, Message>>(
  en: T,
  zh: Record<keyof T & string, Message>,
): AreaCatalog<keyof T & string> {
  return { en, "zh-CN": zh };
}
