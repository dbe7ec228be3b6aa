/** The Home's presenter: one person's Home as loaded → view model → Block Kit. */
import type { HomeView } from "@slack/types";
import { translator } from "../../../i18n/index.ts";
import type { LoadedHome } from "../../../ports/home.ts";
import { section } from "../../blocks.ts";
import { HOME_CALLBACK } from "../../ids/home.ts";
import { buildHomeModel } from "./build-model.ts";
import { buildHomeView } from "./home.ts";

export function presentHome({ locale, input }: LoadedHome): HomeView {
  const t = translator(locale);
  if (!input)
    return { type: "home", callback_id: HOME_CALLBACK, blocks: [section(t("home.nobody"))] };
  return buildHomeView(buildHomeModel(input), t);
}
