// API keys and owner secrets come from a form field. They live in memory, and in this tab's
// sessionStorage only when the person ticks "remember in this tab" (never localStorage, never a
// URL, never a cookie).

const PREFIX = 'voxproof.';

/**
 * Wires a secret field and its "remember" checkbox: restores a remembered value and returns a
 * function that reads the field and stores or forgets it as the checkbox says.
 */
export function bindSecret(input, remember, name) {
  const saved = sessionStorage.getItem(PREFIX + name);
  if (saved) {
    input.value = saved;
    remember.checked = true;
  }
  return () => {
    const value = input.value.trim();
    if (remember.checked && value) sessionStorage.setItem(PREFIX + name, value);
    else sessionStorage.removeItem(PREFIX + name);
    return value;
  };
}

/** Forgets a remembered secret. */
export function forget(name) {
  sessionStorage.removeItem(PREFIX + name);
}

/** Stores a secret in this tab's sessionStorage (only on the person's explicit choice). */
export function remember(name, value) {
  sessionStorage.setItem(PREFIX + name, value);
}

/** A secret remembered in this tab, or null. */
export function recall(name) {
  return sessionStorage.getItem(PREFIX + name);
}
