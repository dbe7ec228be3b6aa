// Reading what a person typed or picked, in the shapes the driver takes (TypedValue).

const orNull = (v) => (v === "" ? null : v);

/** The value of one modal control (data-input says the Block Kit element type). */
export function controlValue(el) {
  const type = el.dataset.input || "";
  if (type === "checkboxes") {
    return [...el.querySelectorAll("input:checked")].map((i) => i.value);
  }
  if (type === "radio_buttons") return el.querySelector("input:checked")?.value ?? null;
  if (type.startsWith("multi_")) return [...el.selectedOptions].map((o) => o.value);
  return orNull(el.value);
}

/** Every input of the open modal, keyed "block_id.action_id" (files: modalFiles). */
export function modalValues(form) {
  const values = {};
  for (const el of form.querySelectorAll("[data-key]")) {
    if (el.dataset.input !== "file_input") values[el.dataset.key] = controlValue(el);
  }
  return values;
}

/** A file's bytes in base64 (what a data: URL carries after its comma). */
function base64Of(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve(String(reader.result).slice(String(reader.result).indexOf(",") + 1));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * The files picked in the modal's file fields, keyed "block_id.action_id": name, type, size and
 * the bytes. A file over the field's limit goes without its bytes: the server refuses it on the
 * field, as Slack does, instead of receiving what it would not keep. A field where nothing was
 * picked is left out, so the files attached before stay.
 */
export async function modalFiles(form) {
  const files = {};
  for (const el of form.querySelectorAll('[data-input="file_input"]')) {
    if (el.files.length === 0) continue;
    const limit = Number(el.dataset.maxBytes);
    files[el.dataset.key] = await Promise.all(
      [...el.files].map(async (f) => ({
        name: f.name,
        type: f.type,
        size: f.size,
        ...(f.size <= limit ? { data: await base64Of(f) } : {}),
      })),
    );
  }
  return files;
}

/** The value an element outside inputs sends (undefined: a button click). */
export function elementValue(el, target) {
  switch (el.dataset.el) {
    case "select":
      return el.multiple ? [...el.selectedOptions].map((o) => o.value) : orNull(el.value);
    case "overflow":
      return el.dataset.value;
    case "date":
      return orNull(el.value);
    case "checkboxes":
      return [...el.querySelectorAll("input:checked")].map((i) => i.value);
    case "radio":
      return target?.value ?? null;
    default:
      return undefined;
  }
}

/** The surface an element is on, as the server's actions take it. */
export function surfaceOf(el) {
  const host = el.closest("[data-surface]");
  if (!host) return null;
  const kind = host.dataset.surface;
  if (kind === "message" || kind === "ephemeral") {
    return { kind, channel: host.dataset.channel, ts: host.dataset.ts };
  }
  if (kind === "modal") return { kind, viewId: host.dataset.viewId };
  return { kind: "home" };
}

/** Asks like Slack's confirm dialog; resolves true on confirm. */
export function confirmFirst(el) {
  if (!el.dataset.confirm) return Promise.resolve(true);
  const c = JSON.parse(el.dataset.confirm);
  const dialog = document.getElementById("confirm-dialog");
  document.getElementById("confirm-title").textContent = c.title;
  document.getElementById("confirm-text").textContent = c.text;
  const ok = document.getElementById("confirm-ok");
  ok.textContent = c.confirm;
  ok.className = `bk-btn ${c.style === "danger" ? "danger" : "primary"}`;
  document.getElementById("confirm-deny").textContent = c.deny;
  return new Promise((resolve) => {
    const answer = (e) => {
      const button = e.target.closest("[data-confirm-answer]");
      if (!button) return;
      dialog.removeEventListener("click", answer);
      dialog.close();
      resolve(button.dataset.confirmAnswer === "yes");
    };
    dialog.addEventListener("click", answer);
    dialog.showModal();
  });
}
