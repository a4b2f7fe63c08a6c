/** Offline structural checks used by provider validators. No network, no secrets printed. */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** Standard IEEE (zlib) CRC32 of the string's char codes (ASCII input), unsigned. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Base62 (0-9A-Za-z, most significant first), left-padded with `0` to `width`. */
export function toBase62(value: number, width: number): string {
  let out = '';
  let v = value;
  while (v > 0) {
    out = BASE62[v % 62]! + out;
    v = Math.floor(v / 62);
  }
  return out.padStart(width, '0');
}

/**
 * GitHub (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`) and npm (`npm_`) tokens: the last 6 of the 36 body characters are the
 * CRC32 of the first 30, in base62 (token-formats.md §2.1).
 */
export function hasValidGithubChecksum(token: string): boolean {
  const body = token.slice(token.indexOf('_') + 1);
  if (body.length !== 36) return false;
  return toBase62(crc32(body.slice(0, 30)), 6) === body.slice(30);
}

/** Atlassian `ATATT3…`/`ATCTT3…`/`ATBB…`: last 8 uppercase hex = CRC32 of everything before them (§2.2). */
export function hasValidAtlassianChecksum(token: string): boolean {
  const t = token.replace(/%3D/gi, '=').replace(/\\=/g, '=');
  if (t.length < 9) return false;
  const expected = crc32(t.slice(0, -8)).toString(16).toUpperCase().padStart(8, '0');
  return expected === t.slice(-8);
}

/** Grafana `glsa_`: last 8 hex = CRC32 (little-endian bytes, hex) of the first 37 characters (§2.2). */
export function hasValidGrafanaChecksum(token: string): boolean {
  if (token.length !== 46) return false;
  const crc = crc32(token.slice(0, 37));
  const le = [crc & 0xff, (crc >>> 8) & 0xff, (crc >>> 16) & 0xff, (crc >>> 24) & 0xff]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
  return le === token.slice(38).toLowerCase();
}

const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** Bech32 checksum check (BIP-173), case-insensitive, for `AGE-SECRET-KEY-1…`. */
export function hasValidBech32(text: string): boolean {
  const s = text.toLowerCase();
  const sep = s.lastIndexOf('1');
  if (sep < 1 || sep + 7 > s.length) return false;
  const hrp = s.slice(0, sep);
  const data: number[] = [];
  for (const ch of s.slice(sep + 1)) {
    const v = BECH32_CHARSET.indexOf(ch);
    if (v < 0) return false;
    data.push(v);
  }
  const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  const values = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31), ...data];
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i]!;
  }
  return chk === 1;
}

/** Decode base64/base64url leniently; undefined when it is not valid base64. */
export function decodeBase64(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) return undefined;
  try {
    return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  } catch {
    return undefined;
  }
}

/** Parse a JWT's header and payload (never verifies). */
export function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(decodeBase64(parts[0]!) ?? '') as unknown;
    const payload = JSON.parse(decodeBase64(parts[1]!) ?? '') as unknown;
    if (!header || typeof header !== 'object' || !payload || typeof payload !== 'object') return undefined;
    return { header: header as Record<string, unknown>, payload: payload as Record<string, unknown> };
  } catch {
    return undefined;
  }
}
