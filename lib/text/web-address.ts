/**
 * The one rule for an article's web address, in the API and in every import: a full
 * http:// or https:// URL with a host. Anything else (javascript:, data:, file:, a bare
 * path) could run script or point inside the reviewer's machine when shown as a link.
 */
export const WEB_ADDRESS_RULE = 'use a full http:// or https:// address';

const MAX_WEB_ADDRESS_LENGTH = 2000;
const WHITESPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f]/;

export function isWebAddress(value: string): boolean {
  if (value.length > MAX_WEB_ADDRESS_LENGTH || WHITESPACE_OR_CONTROL.test(value)) return false;
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}
