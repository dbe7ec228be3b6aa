// Talks to the sandbox server: the screen of one person, and what that person does.

let words = {};
/** The page's words (from the last screen), for the notices the page makes itself. */
export function setWords(w) {
  words = w || {};
}

/** Shows a short notice like Slack's banner; it fades after a few seconds. */
export function toast(text) {
  const el = document.getElementById("toast");
  if (!el || !text) return;
  el.textContent = text;
  el.classList.add("shown");
  clearTimeout(Number(el.dataset.timer));
  el.dataset.timer = String(setTimeout(() => el.classList.remove("shown"), 6000));
}

export async function getScreen(params) {
  const res = await fetch(`/sandbox/api/screen?${params}`);
  const body = await res.json();
  if (!res.ok) throw new Error(body.notice || `HTTP ${res.status}`);
  return body;
}

/** POSTs to /sandbox/api/<route>; shows the server's notice, if any. */
export async function post(route, body) {
  document.body.dataset.busy = String(Number(document.body.dataset.busy || 0) + 1);
  try {
    const res = await fetch(`/sandbox/api/${route}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const answer = await res.json().catch(() => ({ ok: false, notice: `HTTP ${res.status}` }));
    if (answer.notice) toast(answer.notice);
    return answer;
  } catch (error) {
    const template = words.noAnswer || "The sandbox server does not answer: {error}";
    toast(template.replace("{error}", error.message));
    return { ok: false };
  } finally {
    document.body.dataset.busy = String(Number(document.body.dataset.busy) - 1);
  }
}
