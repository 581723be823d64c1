// Small DOM helpers shared by the pages. Text only ever goes in through textContent (no HTML
// parsing of server data), so the pages need no inline script and no unsafe sinks.

/** The element with this id (throws if the page lacks it: a bug, not a runtime condition). */
export function $(id) {
  const e = document.getElementById(id);
  if (!e) throw new Error(`no element #${id}`);
  return e;
}

/** A new element; attrs are set as attributes (or properties for `dataset`), children as text/nodes. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === undefined || c === null) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** Removes every child of `node`. */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** Shows `node` (removes `hidden`). */
export function show(node, visible = true) {
  node.hidden = !visible;
  return node;
}

/** Writes a polite status message (role=status region). */
export function status(text) {
  $('status').textContent = text;
}

/** Writes an error message (role=alert region); empty text clears it. */
export function alertError(text) {
  $('error').textContent = text || '';
}

/** Offers `data` (string, bytes or Blob) as a file download named `name`. */
export function download(data, name, type = 'application/octet-stream') {
  const blob = data instanceof Blob ? data : new Blob([data], { type });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** A definition list from [term, value] pairs (values that are null/undefined are skipped). */
export function definitions(pairs) {
  const dl = el('dl');
  for (const [term, value] of pairs) {
    if (value === undefined || value === null) continue;
    dl.append(el('dt', {}, term), el('dd', {}, value));
  }
  return dl;
}

/** Decodes the payload of a compact JWS (no verification: for display only). */
export function jwsPayload(jws) {
  const part = String(jws).split('.')[1] || '';
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}
