import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import { fromScreen, isSpeechOn, say, sayText } from './speaker.ts';

function textOf(ids: string): string {
  return ids
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

/** The name a screen reader would give a control: its aria-label, what labels it, or its text. */
function nameOf(el: HTMLElement): string {
  const label = el.getAttribute('aria-label');
  if (label) return label;
  const by = el.getAttribute('aria-labelledby');
  if (by) return textOf(by);
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    const wrap = el.closest('label');
    if (wrap) return wrap.textContent ?? '';
  }
  return el.textContent ?? '';
}

/** What is said when a control gets focus: its name, what it is, and its state. */
function describe(el: HTMLElement, t: TFunction, language: string): string {
  const parts = [fromScreen(nameOf(el).replace(/\s+/g, ' ').trim(), t, language)];
  if (el instanceof HTMLInputElement && el.type === 'checkbox') {
    parts.push(t('speech.checkbox'), t(el.checked ? 'speech.selected' : 'speech.notSelected'));
  } else if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    parts.push(t('speech.field'));
    if (el.value) parts.push(el.value);
  } else if (el instanceof HTMLButtonElement) {
    parts.push(t('speech.button'));
    const pressed = el.getAttribute('aria-pressed');
    if (pressed) parts.push(t(pressed === 'true' ? 'speech.selected' : 'speech.notSelected'));
  }
  return parts.filter(Boolean).join(', ');
}

const APPEARING = '[role="alert"], [role="status"]';

/** A region's text without the parts that announce themselves. */
function spokenText(region: Element): string {
  const copy = region.cloneNode(true) as Element;
  for (const own of copy.querySelectorAll('[data-speech="own"]')) own.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * While speech is on, reads what a screen reader would: each control as it gets focus, a check
 * box as it changes, and what appears in alerts and live regions (errors, counts). Regions marked
 * `data-speech="own"` (the ticket) are announced by their component, with the number spelled out.
 */
export function useScreenReading(): void {
  useEffect(() => {
    const onFocus = (e: FocusEvent) => {
      if (!isSpeechOn() || !(e.target instanceof HTMLElement)) return;
      const el = e.target;
      say((t, language) => describe(el, t, language), { interrupt: true });
    };
    const onChange = (e: Event) => {
      const el = e.target;
      if (!isSpeechOn() || !(el instanceof HTMLInputElement) || el.type !== 'checkbox') return;
      say((t) => t(el.checked ? 'speech.selected' : 'speech.notSelected'), { interrupt: true });
    };
    const lastSaid = new WeakMap<Element, string>();
    const observer = new MutationObserver((records) => {
      if (!isSpeechOn()) return;
      const regions = new Set<Element>();
      for (const r of records) {
        const node = r.target instanceof Element ? r.target : r.target.parentElement;
        const region = node?.closest('[role="alert"], [aria-live]');
        if (region && !node?.closest('[data-speech="own"]')) regions.add(region);
        // An alert or status that appears is said with what it holds (a read pass, an error).
        for (const added of r.addedNodes) {
          if (!(added instanceof Element) || added.closest('[data-speech="own"]')) continue;
          if (added.matches(APPEARING)) regions.add(added);
          for (const inner of added.querySelectorAll(APPEARING)) regions.add(inner);
        }
      }
      for (const region of regions) {
        const text = spokenText(region);
        if (!text || lastSaid.get(region) === text) continue;
        lastSaid.set(region, text);
        sayText(text);
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    document.addEventListener('focusin', onFocus);
    document.addEventListener('change', onChange);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('change', onChange);
    };
  }, []);
}
