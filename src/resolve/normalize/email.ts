import { domainToASCII } from 'node:url';
import { accept, reject } from './result.js';
import type { Normalized } from './result.js';

export interface NormalizedEmail {
  /** `local@domain`, the form two records must share to be the same mailbox. */
  address: string;
  local: string;
  /** ASCII (punycode) and lower-case, so an internationalized domain has one spelling. */
  domain: string;
}

export type EmailRejection = 'EMPTY' | 'MISSING_AT' | 'BAD_LOCAL_PART' | 'BAD_DOMAIN' | 'TOO_LONG';
export type EmailResult = Normalized<NormalizedEmail, EmailRejection>;

// RFC 5322 dot-atom, widened to any letter or digit for internationalized mail (RFC 6531).
// Quoted local parts are legal but no provider hands them out, so they are refused.
const ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const DOT_ATOM = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`, 'u');
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

// Gmail ignores dots and everything after + in the local part, and googlemail.com is the same
// service: all such spellings reach one mailbox. Other providers differ, so they are left alone.
const GMAIL_DOMAINS: ReadonlySet<string> = new Set(['gmail.com', 'googlemail.com']);

/**
 * Canonicalizes an address for matching. Local parts are treated case-insensitively: RFC 5321
 * allows a server to tell them apart, but every major provider folds case, and matching that
 * missed `Wei.Wang@` versus `wei.wang@` would cost far more than the rare server that differs.
 * Full-width characters (as typed with CJK input methods) are folded by NFKC.
 */
export function normalizeEmail(raw: string): EmailResult {
  const text = raw.normalize('NFKC').trim();
  if (text === '') return reject('EMPTY');
  const at = text.lastIndexOf('@');
  if (at < 0) return reject('MISSING_AT');

  let local = text.slice(0, at).toLowerCase();
  let domain = domainToASCII(text.slice(at + 1).toLowerCase());
  if (!isDomain(domain)) return reject('BAD_DOMAIN');
  if (!DOT_ATOM.test(local) || Buffer.byteLength(local) > 64) return reject('BAD_LOCAL_PART');

  if (GMAIL_DOMAINS.has(domain)) {
    domain = 'gmail.com';
    local = local.replace(/\+.*$/, '').replaceAll('.', '');
    if (local === '') return reject('BAD_LOCAL_PART');
  }
  const address = `${local}@${domain}`;
  if (Buffer.byteLength(address) > 254) return reject('TOO_LONG');
  return accept({ address, local, domain });
}

function isDomain(domain: string): boolean {
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  return (
    domain.length <= 253 &&
    labels.length >= 2 &&
    labels.every((label) => LABEL.test(label)) &&
    !/^\d+$/.test(tld)
  );
}
