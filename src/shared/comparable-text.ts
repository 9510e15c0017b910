// Text as two people typing the same words compare it: "Collections  Dec " and "collections dec" are one name.

/** Compatibility forms folded (full-width letters), trimmed, inner spaces as one, any letter case. */
export function comparableText(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}
