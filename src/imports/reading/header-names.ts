// Turns a header row into usable column names: trimmed, never blank, never repeated.

/** `phone, phone` → `phone, phone (2)`; a blank name → `Column N` (N = its 1-based position). */
export function makeHeaderNames(values: readonly string[]): string[] {
  const taken = new Set<string>();
  const names: string[] = [];
  const wanted = values.map((value, i) => {
    const trimmed = value.trim();
    return trimmed === '' ? `Column ${i + 1}` : trimmed;
  });
  for (const name of wanted) {
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name} (${n})`;
    taken.add(candidate.toLowerCase());
    names.push(candidate);
  }
  return names;
}

/** Whether a column's name is one makeHeaderNames gave it (its header cell was blank, or the list has no header). */
export function isGeneratedHeaderName(name: string): boolean {
  return /^Column \d+$/.test(name);
}
