/** The language the bot speaks to people: the org's, or the default before an org is applied. */
import type { Database } from "../../db/client.ts";
import { loadOrgRecord } from "../../db/repositories/org.ts";
import { type Locale, localeOr, type Translator, translator } from "../../i18n/index.ts";

export async function orgLocale(db: Database): Promise<Locale> {
  return localeOr((await loadOrgRecord(db))?.locale);
}

/** The catalog in the org's language: the one lookup every reply and message starts from. */
export async function orgTranslator(db: Database): Promise<Translator> {
  return translator(await orgLocale(db));
}
