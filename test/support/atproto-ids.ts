// Valid-looking AT Protocol identifiers for the demo and test servers: DIDs, CIDs, record keys.
// Bluesky's client validates every response against its lexicons, so these must be well-formed.
import { createHash } from 'node:crypto';

const B32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

/** CIDv1, dag-cbor, sha-256 of `seed`, base32: the shape of a Bluesky record CID. */
export function cidFor(seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  return 'b' + base32(Uint8Array.from([0x01, 0x71, 0x12, 0x20, ...digest]));
}

/** A did:plc made from a seed (24 base32 characters). */
export function didFor(seed: string): string {
  return 'did:plc:' + base32(createHash('sha256').update(seed).digest()).slice(0, 24);
}

/** A TID-shaped record key (13 base32-sortable characters) from a timestamp and counter. */
export function rkeyFor(ms: number, n: number): string {
  const S32 = '234567abcdefghijklmnopqrstuvwxyz';
  let v = BigInt(ms) * 1000n * 1024n + BigInt(n % 1024);
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = S32[Number(v & 31n)] + out;
    v >>= 5n;
  }
  return out;
}
