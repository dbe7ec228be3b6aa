/** What the study use cases read of the org: its zone and language, the `study:` settings. */
import { STUDY_DEFAULTS, type Study } from "../../config/study-schema.ts";
import type { Database } from "../../db/client.ts";
import { loadOrgRecord } from "../../db/repositories/org.ts";
import { type StudySessionRecord, studySessionById } from "../../db/repositories/study.ts";
import { type Locale, localeOr, type Translator, translator } from "../../i18n/index.ts";
import { type Result, refuse } from "./result.ts";

export interface StudyEnv {
  timezone: string;
  locale: Locale;
  t: Translator;
  committeeChannel: string;
  study: Study;
  firstAppliedAt: Date;
}

/** The org's `study:` section with its defaults (an org file without one still has study). */
export function studySettingsOf(settings: unknown): Study {
  const given = (settings as { study?: Partial<Study> } | null)?.study ?? {};
  return { ...STUDY_DEFAULTS, ...given };
}

export async function loadStudyEnv(db: Database): Promise<StudyEnv | null> {
  const record = await loadOrgRecord(db);
  if (!record) return null;
  const locale = localeOr(record.locale);
  return {
    timezone: record.timezone,
    locale,
    t: translator(locale),
    committeeChannel: record.committeeChannel,
    study: studySettingsOf(record.settings),
    firstAppliedAt: record.firstAppliedAt,
  };
}

/** The org's study settings and the session a request names, or why not. */
export async function envAndSession(
  db: Database,
  sessionId: number,
): Promise<Result<{ env: StudyEnv; s: StudySessionRecord }>> {
  const env = await loadStudyEnv(db);
  if (!env) return refuse("no-org");
  const s = await studySessionById(db, sessionId);
  if (!s) return refuse("not-found");
  return { ok: true, env, s };
}
