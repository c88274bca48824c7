/**
 * The PAC table packs everything known about one host suffix into a small integer, so a lookup is one property
 * read per label. Each field is two bits holding a route code.
 */
export const ROUTE_VPN = 1;
export const ROUTE_DIRECT = 2;
export const ROUTE_ASK = 3;

export const SHIFT_EXACT = 0; // site rule `=host`: this host only
export const SHIFT_SUBDOMAINS = 2; // site rule `*.host`: hosts below this suffix
export const SHIFT_DOMAIN = 4; // site rule `host`: this host and below
export const SHIFT_CATEGORY = 6; // the category action that applies to this domain (ignored categories left out)
export const SHIFT_ANSWER = 8; // a live answer to an "ask" for this site (vpn or direct)
