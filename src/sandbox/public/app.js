// The sandbox page: swaps in the regions of the acting person's screen when the server says
// something changed, and sends what the person does to /sandbox/api/….
import { getScreen, post, setWords, toast } from "./api.js";
import { confirmFirst, elementValue, modalFiles, modalValues, surfaceOf } from "./forms.js";

const HOME = "app:home";
const query = new URLSearchParams(location.search);
const state = {
  as: query.get("as") || "",
  c: query.get("c") || "",
  thread: query.get("thread") || "",
  screen: null,
  regions: {},
  boot: "",
  pendingHomeOpen: false,
};

let running = null;
let again = false;
const region = (name) => document.querySelector(`[data-region="${name}"]`);
const messagesEl = () => document.getElementById("messages");

function seenKey(conv) {
  return `pbb-sandbox-seen:${state.as}:${conv}`;
}

/** Bold for conversations with messages newer than the person last looked at. */
function markUnread() {
  for (const link of document.querySelectorAll(".sidebar [data-latest]")) {
    const conv = link.dataset.conv;
    const latest = link.dataset.latest;
    if (conv === state.c) localStorage.setItem(seenKey(conv), latest);
    const seen = localStorage.getItem(seenKey(conv)) || "";
    link.classList.toggle("unread", latest !== "" && Number(latest) > Number(seen || 0));
  }
}

function apply(name, html, changedConversation) {
  const el = region(name);
  if (!el) return;
  if (name === "messages") {
    const m = messagesEl();
    const nearBottom = m.scrollHeight - m.scrollTop - m.clientHeight < 120;
    el.innerHTML = html;
    if (nearBottom || changedConversation) m.scrollTop = m.scrollHeight;
    return;
  }
  const modalBefore = name === "modal" ? el.querySelector("[data-view-id]")?.dataset.viewId : "";
  el.innerHTML = html;
  if (name === "thread") {
    const scroll = el;
    scroll.scrollTop = scroll.scrollHeight;
  }
  if (name === "modal") {
    const modal = el.querySelector("[data-view-id]");
    const invalid = el.querySelector('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else if (modal && modal.dataset.viewId !== modalBefore) {
      (modal.querySelector("input, textarea, select") || modal.querySelector("button"))?.focus();
    }
  }
}

function updateUrl() {
  history.replaceState(null, "", `?${currentQuery()}`);
}

function currentQuery() {
  const q = new URLSearchParams();
  if (state.as) q.set("as", state.as);
  if (state.c) q.set("c", state.c);
  if (state.thread) q.set("thread", state.thread);
  return q;
}

async function refreshOnce() {
  const q = currentQuery();
  const asked = q.toString();
  let screen;
  try {
    screen = await getScreen(q);
  } catch (error) {
    toast(error.message);
    return;
  }
  // The person moved on while this screen was on its way: fetch the one they asked for.
  if (asked !== currentQuery().toString()) {
    again = true;
    return;
  }
  const changedConversation =
    !state.screen ||
    state.screen.conversation !== screen.conversation ||
    state.screen.user !== screen.user;
  state.as = screen.user;
  state.c = screen.conversation;
  state.thread = screen.thread || "";
  state.screen = screen;
  updateUrl();
  applyChrome(screen);
  const regions = { ...screen.regions, clock: screen.clock, tour: screen.tour ?? "" };
  for (const [name, html] of Object.entries(regions)) {
    if (state.regions[name] === html && !(name === "messages" && changedConversation)) continue;
    state.regions[name] = html;
    apply(name, html, changedConversation);
  }
  markUnread();
  document.title = `${screen.title} · ${screen.chrome?.title ?? "Sandbox"}`;
  const composer = document.getElementById("composer");
  composer.hidden = screen.postTo === null;
  document.getElementById("composer-input").placeholder = screen.composerPlaceholder;
  document.getElementById("thread-panel").hidden = !screen.thread;
  document.body.dataset.user = screen.user;
  document.body.dataset.conversation = screen.conversation;
  if (state.pendingHomeOpen && screen.conversation === HOME) {
    state.pendingHomeOpen = false;
    await post("home-opened", { as: state.as });
  }
}

/** The page's static words in the page's language (the org's). */
function applyChrome(screen) {
  const words = screen.chrome || {};
  setWords(words);
  if (screen.lang) document.documentElement.lang = screen.lang;
  for (const el of document.querySelectorAll("[data-i18n]")) {
    const w = words[el.dataset.i18n];
    if (w && el.textContent !== w) el.textContent = w;
  }
  for (const el of document.querySelectorAll("[data-i18n-aria]")) {
    const w = words[el.dataset.i18nAria];
    if (w) el.setAttribute("aria-label", w);
  }
  for (const el of document.querySelectorAll("[data-i18n-placeholder]")) {
    const w = words[el.dataset.i18nPlaceholder];
    if (w) el.placeholder = w;
  }
}

/** One refresh at a time; a change during one triggers one more. */
function refresh() {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await refreshOnce();
      } while (again);
    } finally {
      running = null;
    }
  })();
  return running;
}

function go(conv) {
  state.c = conv;
  state.thread = "";
  state.pendingHomeOpen = conv === HOME;
  return refresh();
}

async function sendAction(el, target) {
  if (!(await confirmFirst(el))) return;
  const surface = surfaceOf(el);
  if (!surface) return;
  const body = {
    as: state.as,
    surface,
    blockId: el.dataset.block,
    actionId: el.dataset.action,
  };
  const value = elementValue(el, target);
  if (value !== undefined) body.value = value;
  if (surface.kind === "modal")
    body.modalValues = modalValues(document.querySelector("[data-modal-form]"));
  if (el.dataset.url) window.open(el.dataset.url, "_blank", "noopener");
  await post("action", body);
  await refresh();
}

async function sendModalDispatch(control) {
  const form = document.querySelector("[data-modal-form]");
  const [blockId, actionId] = control.dataset.key.split(".");
  const values = modalValues(form);
  await post("action", {
    as: state.as,
    surface: surfaceOf(control),
    blockId,
    actionId,
    value: values[control.dataset.key],
    modalValues: values,
  });
  await refresh();
}

async function submitModal() {
  const modal = document.querySelector(".modal[data-view-id]");
  if (!modal) return;
  const form = modal.querySelector("[data-modal-form]");
  await post("submit", {
    as: state.as,
    viewId: modal.dataset.viewId,
    values: modalValues(form),
    files: await modalFiles(form),
  });
  await refresh();
}

async function closeModal() {
  const modal = document.querySelector(".modal[data-view-id]");
  if (!modal) return;
  await post("close", { as: state.as, viewId: modal.dataset.viewId });
  await refresh();
}

async function sendComposer(form, input, threadTs) {
  const text = input.value.trim();
  if (!text || !state.screen?.postTo) return;
  input.value = "";
  const body = { as: state.as, channel: state.screen.postTo, text };
  if (threadTs) body.threadTs = threadTs;
  const answer = await post("message", body);
  if (!answer.ok && !answer.notice) input.value = text;
  await refresh();
  form.querySelector("textarea").focus();
}

function closeMenus(except) {
  for (const menu of document.querySelectorAll(".bk-menu:not([hidden])")) {
    if (menu === except) continue;
    menu.hidden = true;
    menu.previousElementSibling?.setAttribute("aria-expanded", "false");
  }
}

document.addEventListener("click", async (e) => {
  const t = e.target.closest("button, a, [data-conv]");
  if (!t) return closeMenus();
  if (t.matches(".bk-overflow-toggle")) {
    const menu = t.nextElementSibling;
    closeMenus(menu);
    menu.hidden = !menu.hidden;
    t.setAttribute("aria-expanded", String(!menu.hidden));
    if (!menu.hidden) menu.querySelector("button")?.focus();
    return;
  }
  closeMenus();
  if (t.dataset.conv) {
    e.preventDefault();
    return go(t.dataset.conv);
  }
  if (t.dataset.openThread) {
    state.thread = t.dataset.openThread;
    await refresh();
    return document.getElementById("thread-input").focus();
  }
  if (t.hasAttribute("data-close-thread")) {
    state.thread = "";
    return refresh();
  }
  if (t.hasAttribute("data-modal-close")) return closeModal();
  if (t.hasAttribute("data-modal-submit")) return submitModal();
  if (t.dataset.dismiss) {
    await post("dismiss", { as: state.as, ts: t.dataset.dismiss });
    return refresh();
  }
  if (t.dataset.reset) {
    if (!(await confirmFirst(t))) return;
    const answer = await post("reset", { locale: t.dataset.reset });
    if (answer.ok) {
      state.c = "";
      state.thread = "";
      state.regions = {};
    }
    return refresh();
  }
  if (t.dataset.tourAs) {
    state.as = t.dataset.tourAs;
    state.c = t.dataset.tourGo || state.c;
    state.thread = "";
    state.pendingHomeOpen = state.c === HOME;
    return refresh();
  }
  if (t.dataset.clock) {
    const buttons = document.querySelectorAll("[data-clock]");
    for (const b of buttons) b.disabled = true;
    const answer = await post("clock", { command: t.dataset.clock });
    if (answer.lines?.length) toast(answer.lines.join(" · "));
    return refresh();
  }
  if (t.dataset.el === "button" || t.dataset.el === "overflow") return sendAction(t);
});

document.addEventListener("change", (e) => {
  const t = e.target;
  if (t.matches("[data-switch-user]")) {
    state.as = t.value;
    state.thread = "";
    state.pendingHomeOpen = state.c === HOME;
    return refresh();
  }
  const dispatch = t.closest("[data-dispatch]");
  if (dispatch) return sendModalDispatch(dispatch);
  const el = t.closest("[data-el]");
  if (el && el.dataset.el !== "button" && el.dataset.el !== "overflow") return sendAction(el, t);
});

document.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && document.querySelector(".modal[data-view-id]")) {
    if (!document.getElementById("confirm-dialog").open) closeModal();
  }
  if (e.key === "Enter" && !e.shiftKey && e.target.matches(".composer textarea")) {
    e.preventDefault();
    e.target.form.requestSubmit();
  }
});

document.getElementById("composer").addEventListener("submit", (e) => {
  e.preventDefault();
  sendComposer(e.target, document.getElementById("composer-input"));
});
document.getElementById("thread-composer").addEventListener("submit", (e) => {
  e.preventDefault();
  sendComposer(e.target, document.getElementById("thread-input"), state.thread);
});

const events = new EventSource("/sandbox/api/events");
events.addEventListener("hello", (e) => {
  const { bootId } = JSON.parse(e.data);
  // The server restarted (npm run dev): load the page again, with any new assets.
  if (state.boot && state.boot !== bootId) return location.reload();
  state.boot = bootId;
  refresh();
});
events.addEventListener("change", () => refresh());

state.pendingHomeOpen = state.c === HOME;
refresh();
