/**
 * The PAC script's fixed part. It mirrors src/rules (normalizeHost, bypassReason, matchSiteRule, activeCategory,
 * findAskAnswer) in plain ES5 because a PAC runs in a bare sandbox; test/unit/pac checks both agree. IP
 * literals are recognised by parsing the host string: no dnsResolve/isInNet, which would block on DNS for every
 * request and leak the visited host names to the local resolver.
 */
export const PAC_RUNTIME = String.raw`
function rampartV4(h) {
  var m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (!m) return null;
  var p = [+m[1], +m[2], +m[3], +m[4]];
  for (var i = 0; i < 4; i++) if (p[i] > 255) return null;
  return p;
}
function rampartLocalV4(a, b) {
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) ||
    (a === 169 && b === 254) || a === 0;
}
function rampartGroups(t, out) {
  if (t === '') return true;
  var parts = t.split(':');
  for (var i = 0; i < parts.length; i++) {
    var p = parts[i];
    if (i === parts.length - 1 && p.indexOf('.') >= 0) {
      var q = rampartV4(p);
      if (!q) return false;
      out.push(q[0] * 256 + q[1], q[2] * 256 + q[3]);
    } else if (/^[0-9a-f]{1,4}$/.test(p)) {
      out.push(parseInt(p, 16));
    } else {
      return false;
    }
  }
  return true;
}
function rampartV6(h) {
  if (h.indexOf(':') < 0) return null;
  var halves = h.split('::');
  if (halves.length > 2) return null;
  var head = [], tail = [];
  if (!rampartGroups(halves[0], head)) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  if (!rampartGroups(halves[1], tail)) return null;
  var missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  while (missing-- > 0) head.push(0);
  return head.concat(tail);
}
function rampartLocalV6(g) {
  var zero = g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0;
  if (zero && g[5] === 0 && g[6] === 0 && (g[7] === 0 || g[7] === 1)) return true;
  if (zero && g[5] === 0xffff) return rampartLocalV4(g[6] >> 8, g[6] & 0xff);
  return (g[0] & 0xffc0) === 0xfe80 || (g[0] & 0xfe00) === 0xfc00;
}
function rampartRoute(code, answer) {
  if (code === 1) return VPN;
  if (code === 2) return 'DIRECT';
  return answer === 1 ? VPN : answer === 2 ? 'DIRECT' : GLOBAL;
}
function FindProxyForURL(url, host) {
  var h = String(host).toLowerCase();
  if (h.charAt(h.length - 1) === '.') h = h.replace(/\.+$/, '');
  if (h.charAt(0) === '[' && h.charAt(h.length - 1) === ']') h = h.substring(1, h.length - 1);
  for (var b = 0; b < BYPASS.length; b++) if (h === BYPASS[b]) return 'DIRECT';
  // Names end in a letter: only a host ending in a digit can be an IPv4 address, so most skip the regex.
  var last = h.charCodeAt(h.length - 1);
  var ip = false, v4 = last >= 48 && last <= 57 ? rampartV4(h) : null, v6;
  if (v4) {
    if (rampartLocalV4(v4[0], v4[1])) return 'DIRECT';
    ip = true;
  } else if (h.indexOf(':') >= 0 && (v6 = rampartV6(h))) {
    if (rampartLocalV6(v6)) return 'DIRECT';
    ip = true;
  } else if (h.indexOf('.') < 0 || h.endsWith('.local') || h.endsWith('.localhost')) {
    return 'DIRECT';
  }
  var site = 0, category = 0, answer = 0;
  var v = TABLE[h];
  if (typeof v === 'number') {
    site = (v & 3) || ((v >> 4) & 3);
    category = (v >> 6) & 3;
    answer = (v >> 8) & 3;
  }
  if (!ip) {
    for (var i = h.indexOf('.'); i >= 0 && !(site && answer); i = h.indexOf('.', i + 1)) {
      v = TABLE[h.substring(i + 1)];
      if (typeof v !== 'number') continue;
      if (!site) site = ((v >> 2) & 3) || ((v >> 4) & 3);
      if (!category) category = (v >> 6) & 3;
      if (!answer) answer = (v >> 8) & 3;
    }
  }
  if (category && /^[\d.]+$|:/.test(h)) category = 0;
  if (site) return rampartRoute(site, answer);
  if (category) return rampartRoute(category, answer);
  return GLOBAL;
}
`;
