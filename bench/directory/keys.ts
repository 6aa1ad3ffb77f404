/**
 * Real key events for Greek and English text, as a Greek (or US) keyboard sends them, through the Chrome
 * DevTools Protocol: keydown (with text, so keypress, beforeinput and input follow) and keyup; Shift for
 * capitals; the dead accent key (`;` on a Greek layout) before an accented vowel.
 */
import type { CDPSession } from 'playwright-core';

/** Greek letter → the physical key of the Greek layout. */
const GREEK: Record<string, string> = {
  α: 'A', β: 'B', γ: 'G', δ: 'D', ε: 'E', ζ: 'Z', η: 'H', θ: 'U', ι: 'I', κ: 'K', λ: 'L', μ: 'M', ν: 'N', ξ: 'J',
  ο: 'O', π: 'P', ρ: 'R', σ: 'S', ς: 'W', τ: 'T', υ: 'Y', φ: 'F', χ: 'X', ψ: 'C', ω: 'V',
};
const SHIFT = 8;

async function key(cdp: CDPSession, k: { key: string; code: string; vk: number; text?: string; modifiers?: number }) {
  const common = { key: k.key, code: k.code, windowsVirtualKeyCode: k.vk, nativeVirtualKeyCode: k.vk, modifiers: k.modifiers ?? 0 };
  await cdp.send('Input.dispatchKeyEvent', { type: k.text ? 'keyDown' : 'rawKeyDown', ...common, ...(k.text ? { text: k.text, unmodifiedText: k.text.toLowerCase() } : {}) });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common });
}

/** Types one character. Returns after the renderer acknowledged the keyup. */
export async function typeChar(cdp: CDPSession, ch: string) {
  const base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
  const accented = base !== ch;
  const lower = base.toLowerCase();
  const upper = base !== lower;
  const letter = GREEK[lower] ?? (/^[a-z]$/.test(lower) ? lower.toUpperCase() : undefined);
  if (!letter) throw new Error(`no key for ${JSON.stringify(ch)}`);
  if (accented) await key(cdp, { key: 'Dead', code: 'Semicolon', vk: 186 });
  if (upper) await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Shift', code: 'ShiftLeft', windowsVirtualKeyCode: 16, modifiers: SHIFT });
  await key(cdp, { key: ch, code: `Key${letter}`, vk: letter.charCodeAt(0), text: ch, modifiers: upper ? SHIFT : 0 });
  if (upper) await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Shift', code: 'ShiftLeft', windowsVirtualKeyCode: 16 });
}

/** Ctrl+A, Backspace: empties the focused field the way a person does. */
export async function clearField(cdp: CDPSession) {
  const ctrl = 2;
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Control', code: 'ControlLeft', windowsVirtualKeyCode: 17, modifiers: ctrl });
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'a', code: 'KeyA', windowsVirtualKeyCode: 65, modifiers: ctrl, commands: ['selectAll'] });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'a', code: 'KeyA', windowsVirtualKeyCode: 65, modifiers: ctrl });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Control', code: 'ControlLeft', windowsVirtualKeyCode: 17 });
  await key(cdp, { key: 'Backspace', code: 'Backspace', vk: 8 });
}
