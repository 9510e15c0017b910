// The action icons of a typed field in the agent view: e-mail, click-to-call and SMS, fax, map.
import type { FieldType } from '../imports/targets.js';

export type FieldAction = { kind: 'mailto' | 'tel' | 'sms' | 'fax' | 'map'; href: string };

export function actionsOf(type: FieldType, value: string | null): FieldAction[] {
  const text = value?.trim() ?? '';
  if (text === '') return [];
  switch (type) {
    case 'email':
      return [{ kind: 'mailto', href: `mailto:${encodeURIComponent(text).replace(/%40/g, '@')}` }];
    case 'phone': {
      const number = dialable(text);
      return number ? [{ kind: 'tel', href: `tel:${number}` }, { kind: 'sms', href: `sms:${number}` }] : [];
    }
    case 'fax': {
      const number = dialable(text);
      return number ? [{ kind: 'fax', href: `fax:${number}` }] : [];
    }
    case 'address':
      return [{ kind: 'map', href: `https://www.openstreetmap.org/search?query=${encodeURIComponent(text)}` }];
    case 'text':
    case 'date':
    case 'number':
      return [];
  }
}

/** Only what a dialer understands (digits, a leading +, pause and extension marks), so a value cannot smuggle a URL in. */
function dialable(text: string): string {
  const kept = text.replace(/[^\d+*#,;]/g, '');
  return /\d/.test(kept) ? kept : '';
}
