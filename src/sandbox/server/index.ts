/**
 * The sandbox page's HTTP server, for any app driven through the local Slack: the page and its
 * static files, JSON endpoints under /sandbox/api/ that play a person's actions through the
 * driver and read the emulator's workspace, Server-Sent Events for updates, and — when the app
 * runs elsewhere — a proxy to it for every other path (/healthz, /readyz, /metrics …).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { type Locale, type Translator, translator } from "../../i18n/index.ts";
import type { SlackDriver } from "../../localslack/index.ts";
import { PROJECT_ROOT } from "../../project-root.ts";
import { emojiDir } from "../render/emoji.ts";
import { html } from "../render/html.ts";
import { type PersonGroup, people, renderScreen, type Screen } from "../render/screen.ts";
import {
  act,
  actionRequest,
  answerOf,
  clockRequest,
  closeRequest,
  dismissRequest,
  messageRequest,
  parse,
  personRequest,
  resetRequest,
  sendMessage,
  submitRequest,
} from "./actions.ts";
import { createChangeFeed } from "./changes.ts";
import { checkFiles, submitBodyLimit, uploadAll, uploadTooLarge } from "./files.ts";
import { guardRequest } from "./guard.ts";
import { HttpError, proxy, readJson, sendJson, sendStatic } from "./http.ts";

export const PUBLIC_DIR = path.join(PROJECT_ROOT, "src/sandbox/public");

/** The clock panel: its HTML, and the commands its buttons send ("job:<name>", "advance:<ms>"). */
export interface ClockControl {
  panel(): Promise<string>;
  run(command: string): Promise<{ lines: string[] }>;
  /** Changes when the panel would show something else (the minute, a run). */
  revision(): string;
}

export interface SandboxServerOptions {
  driver: SlackDriver;
  port: number;
  host?: string;
  timezone: () => string;
  clock?: ClockControl;
  describePerson?: (userId: string) => string | undefined;
  /** The page's language (the org's); English when absent. */
  locale?: () => Locale;
  /** Someone opened the App Home (the tour's Home step). */
  onHomeOpened?: (user: string) => void;
  /** The guided tour's strip for the acting person (HTML). */
  tour?: (user: string) => Promise<string>;
  /** The person switcher's groups. */
  groups?: () => PersonGroup[];
  /** Starts the demo again from scratch, in that language ("reset demo", the language switch). */
  reset?: (locale: "zh-CN" | "en") => Promise<void>;
  /** The app's own HTTP base (http://127.0.0.1:PORT): other paths are forwarded there. */
  appBase?: string;
  title?: string;
}

export interface SandboxServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface ModalErrors {
  viewId: string;
  hash: string;
  errors: Record<string, string>;
}

export async function startSandboxServer(options: SandboxServerOptions): Promise<SandboxServer> {
  const { driver } = options;
  const emulator = driver.emulator;
  const ws = emulator.workspace;
  const modalErrors = new Map<string, ModalErrors>();
  const feed = createChangeFeed(() => {
    if (emulator.calls.count() > 5000) emulator.calls.clear();
    return `${emulator.calls.count()}|${options.clock?.revision() ?? ""}`;
  });

  const errorsFor = (user: string): Record<string, string> | undefined => {
    const top = ws.topView(user);
    const e = modalErrors.get(user);
    return top && e && e.viewId === top.id && e.hash === top.hash ? e.errors : undefined;
  };

  const screen = async (url: URL): Promise<Screen & { clock: string; tour: string }> => {
    const everyone = people(ws);
    const asked = url.searchParams.get("as") ?? "";
    const user = ws.user(asked) && !ws.user(asked)?.is_bot ? asked : everyone[0]?.id;
    if (!user) throw new HttpError(404, "the workspace has no people");
    const errors = errorsFor(user);
    const s = renderScreen(
      ws,
      {
        user,
        ...(url.searchParams.get("c") ? { conversation: url.searchParams.get("c") ?? "" } : {}),
        ...(url.searchParams.get("thread") ? { thread: url.searchParams.get("thread") ?? "" } : {}),
      },
      {
        timezone: options.timezone(),
        ...(options.describePerson ? { describePerson: options.describePerson } : {}),
        ...(options.groups ? { groups: options.groups } : {}),
        ...(errors ? { modalErrors: errors } : {}),
        locale: localeNow(),
      },
    );
    const clock = options.clock ? await options.clock.panel() : "";
    const tour = options.tour ? await options.tour(user) : "";
    return { ...s, clock: `${clock}${demoActions()}`, tour };
  };

  const localeNow = (): Locale => options.locale?.() ?? "en";
  /** Reset demo, and the language switch (which starts the demo again in that language). */
  const demoActions = (): string => {
    if (!options.reset) return "";
    const t = translator(localeNow());
    const confirm = (text: string) =>
      JSON.stringify({
        title: t("sandbox.demo.reset"),
        text,
        confirm: t("sandbox.page.yes"),
        deny: t("sandbox.page.cancel"),
        style: "danger",
      });
    const lang = (locale: Locale, label: string) =>
      locale === localeNow()
        ? html`<span class="lang current" aria-current="true">${label}</span>`
        : html`<button type="button" class="lang" lang="${locale}" data-reset="${locale}" data-confirm="${confirm(t("sandbox.demo.switchConfirm"))}">${label}</button>`;
    return html`<div class="demo-actions"><span class="visually-hidden">${t("sandbox.demo.language")}</span>${lang("zh-CN", "中文")}${lang("en", "English")}<button type="button" data-reset="${localeNow()}" data-confirm="${confirm(t("sandbox.demo.resetConfirm"))}">${t("sandbox.demo.reset")}</button></div>`
      .value;
  };
  const post = async (route: string, body: unknown): Promise<unknown> => {
    const t = translator(localeNow());
    switch (route) {
      case "action":
        return act(driver, parse(actionRequest, body), t);
      case "submit": {
        const req = parse(submitRequest, body);
        const top = driver.openView(req.as);
        if (!top || top.id !== req.viewId) throw new HttpError(409, "that modal is no longer open");
        const files = checkFiles(top.blocks, req.files, t);
        const refused = {
          ...dateErrors(top.blocks, req.values, t),
          ...(files.ok ? {} : files.errors),
        };
        if (Object.keys(refused).length > 0) {
          driver.as(req.as).fill(withoutKeys(req.values, refused));
          modalErrors.set(req.as, { viewId: top.id, hash: top.hash, errors: refused });
          return { ok: true, outcome: "client_errors", errors: refused };
        }
        const session = driver.as(req.as);
        const uploaded = files.ok ? uploadAll(session, files.files) : {};
        const result = await session.submitModal({ ...req.values, ...uploaded });
        if (result.outcome === "client_errors") result.errors = clientWords(result.errors, t);
        if (result.outcome === "errors" || result.outcome === "client_errors") {
          modalErrors.set(req.as, { viewId: top.id, hash: top.hash, errors: result.errors ?? {} });
        } else modalErrors.delete(req.as);
        if (result.outcome === "failed" && result.delivery) {
          return { ...answerOf(result.delivery, t), outcome: result.outcome };
        }
        if (result.outcome === "invalid_view") {
          return {
            ok: false,
            outcome: result.outcome,
            notice: `Slack refused the app's view: ${(result.messages ?? []).join("; ")}`,
          };
        }
        return { ok: true, outcome: result.outcome, errors: result.errors ?? {} };
      }
      case "close": {
        const req = parse(closeRequest, body);
        const top = driver.openView(req.as);
        if (!top || top.id !== req.viewId) return { ok: true };
        modalErrors.delete(req.as);
        const d = await driver.as(req.as).closeModal();
        return d ? answerOf(d, t) : { ok: true };
      }
      case "message":
        return sendMessage(driver, parse(messageRequest, body), t);
      case "home-opened": {
        const req = parse(personRequest, body);
        options.onHomeOpened?.(req.as);
        const r = await driver.as(req.as).openAppHome();
        return r.ok
          ? { ok: true }
          : { ok: false, notice: "The app did not acknowledge app_home_opened." };
      }
      case "dismiss": {
        const req = parse(dismissRequest, body);
        for (const e of ws.ephemerals) if (e.user === req.as && e.ts === req.ts) e.deleted = true;
        return { ok: true };
      }
      case "clock": {
        if (!options.clock) throw new HttpError(404, "this sandbox has no clock panel");
        return { ok: true, ...(await options.clock.run(parse(clockRequest, body).command)) };
      }
      case "reset": {
        if (!options.reset) throw new HttpError(404, "this sandbox has no demo to reset");
        await options.reset(parse(resetRequest, body).locale);
        modalErrors.clear();
        return { ok: true };
      }
      default:
        throw new HttpError(404, `no endpoint /sandbox/api/${route}`);
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://sandbox.local");
    const p = url.pathname;
    if (req.method === "GET" && (p === "/" || p === "/index.html")) {
      if (await sendStatic(res, PUBLIC_DIR, "index.html")) return;
    }
    if (req.method === "GET" && p.startsWith("/sandbox/static/")) {
      if (await sendStatic(res, PUBLIC_DIR, p.slice("/sandbox/static/".length))) return;
      return sendJson(res, 404, { ok: false, error: "no such file" });
    }
    if (req.method === "GET" && p.startsWith("/sandbox/files/")) return sendFile(res, p);
    if (req.method === "GET" && p.startsWith("/sandbox/emoji/")) {
      const name = p.slice("/sandbox/emoji/".length);
      if (/^[0-9a-f-]+\.svg$/.test(name) && (await sendStatic(res, emojiDir(), name))) return;
      return sendJson(res, 404, { ok: false, error: "no such emoji" });
    }
    if (p === "/sandbox/api/events") return feed.subscribe(res);
    if (req.method === "GET" && p === "/sandbox/api/screen")
      return sendJson(res, 200, await screen(url));
    if (req.method === "POST" && p.startsWith("/sandbox/api/")) {
      const route = p.slice("/sandbox/api/".length);
      // A submission carries the files picked in the modal: as much as its file fields take.
      const body =
        route === "submit"
          ? await readJson(req, submitBodyLimit(ws), uploadTooLarge(translator(localeNow())))
          : await readJson(req);
      const answer = await post(route, body);
      feed.bump();
      return sendJson(res, 200, answer);
    }
    if (options.appBase && !p.startsWith("/sandbox/"))
      return proxy(req, res, new URL(options.appBase));
    sendJson(res, 404, { ok: false, error: "not found" });
  };

  /** /sandbox/files/<id>/<name>: the bytes the app uploaded, as Slack's download link serves them. */
  const sendFile = (res: ServerResponse, p: string) => {
    const id = decodeURIComponent(p.slice("/sandbox/files/".length).split("/")[0] ?? "");
    const f = ws.files.get(id);
    if (!f?.bytes) return sendJson(res, 404, { ok: false, error: "no such file" });
    res.writeHead(200, {
      "content-type": "application/octet-stream",
      // A person's upload (any bytes) is a download, never a page of this origin.
      "x-content-type-options": "nosniff",
      "content-length": String(f.bytes.length),
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`,
      "cache-control": "no-store",
    });
    res.end(f.bytes);
  };

  const host = options.host ?? "127.0.0.1";
  let port = 0;
  const server: Server = createServer((req, res) => {
    // The one gate: Host (DNS rebinding), Origin, JSON only for changes (see guard.ts).
    const refused = guardRequest(req, { port, host });
    if (refused) {
      req.resume();
      return sendJson(res, refused.status, { ok: false, error: refused.error });
    }
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (!res.headersSent) sendJson(res, status, { ok: false, notice: (error as Error).message });
      else res.end();
      feed.bump();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/`,
    port,
    async stop() {
      feed.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Date inputs whose text is not a date (YYYY-MM-DD), by block_id, in the page's language. */
export function dateErrors(
  blocks: readonly unknown[],
  values: Record<string, unknown>,
  t: Translator,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const block of blocks as {
    type?: string;
    block_id?: string;
    element?: { type?: string; action_id?: string };
  }[]) {
    if (block.type !== "input" || block.element?.type !== "datepicker" || !block.block_id) continue;
    const value = values[`${block.block_id}.${block.element.action_id ?? ""}`];
    if (typeof value === "string" && value !== "" && !isDate(value.trim()))
      errors[block.block_id] = t("sandbox.form.date", { example: "2026-01-20" });
  }
  return errors;
}

const withoutKeys = (values: Record<string, TypedValueLike>, errors: Record<string, string>) =>
  Object.fromEntries(Object.entries(values).filter(([k]) => !((k.split(".")[0] ?? "") in errors)));
type TypedValueLike = string | number | string[] | null;

/** The local Slack's client errors (English, as its driver words them) in the page's language. */
function clientWords(
  errors: Record<string, string> | undefined,
  t: Translator,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [block, text] of Object.entries(errors ?? {})) {
    const min = /at least (\d+)/.exec(text)?.[1];
    const max = /at most (\d+)/.exec(text)?.[1];
    out[block] = min
      ? t("sandbox.form.min", { min })
      : max
        ? t("sandbox.form.max", { max })
        : t("sandbox.form.required");
  }
  return out;
}
