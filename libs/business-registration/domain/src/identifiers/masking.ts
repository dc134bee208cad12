/**
 * Masking for logs, events and public views (Appendix A.2, Q7): keep the first `keepStart` and the
 * last `keepEnd` characters and replace the rest with '*'. A value too short to hide anything
 * is masked entirely.
 */
export function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = [...value];
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(chars.length);
  return chars.slice(0, keepStart).join('') + '*'.repeat(chars.length - keepStart - keepEnd) + (keepEnd > 0 ? chars.slice(-keepEnd).join('') : '');
}

/** ID numbers: first 3 and last 4 (11010519491231002X → 110***********002X). */
export function maskIdNumber(id: string): string {
  return maskMiddle(id.trim().toUpperCase(), 3, 4);
}

/** Bank accounts in events (accountRef masked): last 4 only. */
export function maskAccountNumber(account: string): string {
  return maskMiddle(account.replace(/\s+/g, ''), 0, 4);
}

/** A natural person's name in public views (the legal representative, §4): first character kept. */
export function maskPersonName(name: string): string {
  return maskMiddle(name.trim(), 1, 0);
}
