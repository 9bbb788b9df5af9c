import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * Contact values as data-quality staff see them: enough to tell numbers and mailboxes apart and
 * to recognize one a subject quotes, never enough to call or write to. The mask is always four
 * asterisks, whatever it hides, so the output does not give away lengths either.
 */
export function maskContact(kind: 'phone' | 'email', value: string): string {
  return kind === 'phone' ? maskPhone(value) : maskEmail(value);
}

/**
 * `+86 199****0001`: the country code, the first three and the last four national digits. Shorter
 * national numbers show less, so that at least four digits always stay hidden.
 */
export function maskPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  const national = parsed?.nationalNumber ?? e164.replace(/\D/g, '');
  const tail = national.length >= 8 ? 4 : national.length >= 6 ? 2 : 0;
  const head = Math.min(3, Math.max(0, national.length - tail - 4));
  const masked = `${national.slice(0, head)}****${national.slice(national.length - tail)}`;
  return parsed ? `+${parsed.countryCallingCode} ${masked}` : `+${masked}`;
}

/** `w***@example.com`: the first character of a local part of three or more, and the domain. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return '****';
  const local = Array.from(address.slice(0, at));
  const first = local.length >= 3 ? local[0] : '';
  return `${first}***@${address.slice(at + 1)}`;
}
