/** What the service list's use cases read of the running bot and the org. */
import type { Database } from "../../db/client.ts";
import { loadOrgRecord } from "../../db/repositories/org.ts";
import { localDateOf } from "../../domain/period.ts";
import type { MessageKey } from "../../i18n/index.ts";
import { type Locale, localeOr, type Translator, translator } from "../../i18n/index.ts";
import type { Deps } from "../kit/result.ts";
import type { ServiceDeps } from "./register.ts";

export interface ServiceEnv extends ServiceDeps {
  locale: Locale;
  t: Translator;
  today: string;
  committeeChannel: string;
}

/** The org and the clock a use case works with, or null before an org file was applied. */
export async function loadServiceEnv(deps: Deps & { db: Database }): Promise<ServiceEnv | null> {
  const org = await loadOrgRecord(deps.db);
  if (!org) return null;
  const locale = localeOr(org.locale);
  return {
    db: deps.db,
    now: deps.now,
    org,
    locale,
    t: translator(locale),
    today: localDateOf(deps.now(), org.timezone),
    committeeChannel: org.committeeChannel,
  };
}

export type ServiceError =
  | "no-org"
  | "not-member"
  | "community-required"
  | "busy"
  | "not-found"
  | "not-secretary"
  | "question-required"
  | "already-queried";

export const serviceErrorKey = (error: ServiceError): MessageKey =>
  `serviceList.error.${error}` as MessageKey;
