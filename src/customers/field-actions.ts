// The action icons of a typed field in the agent view: e-mail, click-to-call and SMS, fax, map.
import type { FieldType } from '../imports/targets.js';
import { extensionOf } from '../phones/phone-normalisation.js';

export type FieldAction = { kind: 'mailto' | 'tel' | 'sms' | 'fax' | 'map'; href: string };

/**
 * `value` is the stored value (a phone in E.164); `written`, the cell as the file had it, gives a phone's extension to
 * the call (`tel:+14155550137;ext=12`, RFC 3966), which E.164 cannot hold.
 */
export function actionsOf(type: FieldType, value: string | null, written?: string | null): FieldAction[] {
  const text = value?.trim() ?? '';
  if (text === '') return [];
  switch (type) {
    case 'email':
      return [{ kind: 'mailto', href: `mailto:${encodeURIComponent(text).replace(/%40/g, '@')}` }];
    case 'phone': {
      const number = dialable(text);
      if (!number) return [];
      const extension = written && written !== value ? extensionOf(written, number) : null;
      return [{ kind: 'tel', href: `tel:${number}${extension === null ? '' : `;ext=${extension}`}` }, { kind: 'sms', href: `sms:${number}` }];
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
