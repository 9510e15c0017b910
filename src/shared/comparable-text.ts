// Text as two people typing the same words compare it: "Collections  Dec " and "collections dec" are one name.

/** Compatibility forms folded (full-width letters), trimmed, inner spaces as one, any letter case. */
export function comparableText(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * The item named `name`: the one so written, else the only one whose name is alike in letter case and spacing
 * (a script's "collections dec" is "Collections Dec"); none when two are alike.
 */
export function findNamed<T>(items: readonly T[], name: string, nameOf: (item: T) => string): T | undefined {
  const exact = items.find((item) => nameOf(item) === name);
  if (exact !== undefined) return exact;
  const wanted = comparableText(name);
  const alike = items.filter((item) => comparableText(nameOf(item)) === wanted);
  return alike.length === 1 ? alike[0] : undefined;
}
