// An offline verifier as a mobile app would build it: it holds a trust bundle (GET /api/v1/trust-bundle, fetched
// while online) and the keys it pinned from an earlier bundle, and checks a QR code's compact token with nothing else
// — no network. It uses only jose (a JOSE library we did not write) and node's zlib.
//
//   node offline-verify.mjs <bundle.json> <pinned-jwks.json> <trusted issuer DID> <token>
//
// Prints {"result": VALID | INVALID | SUSPENDED | REJECTED, "reason": ...}. Exit status 0 whenever it printed a result.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import * as jose from 'jose';

const [bundleFile, pinnedFile, trustedIssuer, token] = process.argv.slice(2);
const ALGORITHMS = ['EdDSA'];

function answer(result, reason) {
  console.log(JSON.stringify({ result, reason }));
  process.exit(0);
}

async function keyOf(jwk) {
  const { kid, ...publicJwk } = jwk;
  return jose.importJWK({ ...publicJwk, alg: 'EdDSA' }, 'EdDSA');
}

// 1. The bundle: a JWS in the JSON general serialisation; the trusted authority's signature must verify with a key
//    pinned before (from an earlier bundle), so a changed bundle or a bundle signed by someone else is refused.
const bundle = JSON.parse(readFileSync(bundleFile, 'utf8'));
const pinned = JSON.parse(readFileSync(pinnedFile, 'utf8')).keys;
let content;
try {
  const verified = await jose.generalVerify(bundle, async (header) => {
    const jwk = pinned.find((k) => k.kid === header.kid);
    if (!jwk) throw new Error('not a pinned key: ' + header.kid);
    return keyOf(jwk);
  }, { algorithms: ALGORITHMS });
  content = JSON.parse(new TextDecoder().decode(verified.payload));
} catch (e) {
  answer('REJECTED', 'bundle signature: ' + e.message);
}
if (Date.parse(content.expires) <= Date.now()) answer('REJECTED', 'the bundle has expired; refresh it');
const authority = content.authorities.find((a) => a.id === trustedIssuer);
if (!authority) answer('REJECTED', 'the bundle does not name the trusted issuer');

// 2. The token: signed by an active key of that authority, which it names as iss.
async function verifyWithAuthorityKey(jwt, options) {
  const { kid } = jose.decodeProtectedHeader(jwt);
  const key = authority.keys.find((k) => k.kid === kid);
  if (!key) throw new Error('unknown key ' + kid);
  if (key.status !== 'ACTIVE') throw new Error('key ' + kid + ' is ' + key.status);
  return jose.jwtVerify(jwt, await keyOf(key.publicKeyJwk), { algorithms: ALGORITHMS, ...options });
}
let claims;
try {
  ({ payload: claims } = await verifyWithAuthorityKey(token, { typ: 'pt+jwt', issuer: authority.id }));
} catch (e) {
  answer('REJECTED', 'token: ' + e.message);
}

// 3. Its status, from the Token Status List the token points at, embedded in the bundle and signed by the same
//    authority (draft-ietf-oauth-status-list: entry i of b bits starts at bit i*b, least significant first).
const reference = claims.status?.status_list;
if (!reference) answer('REJECTED', 'the token carries no status reference');
const entry = content.tokenStatusLists.find((l) => l.uri === reference.uri && l.issuer === authority.id);
if (!entry) answer('REJECTED', 'the bundle has no status list ' + reference.uri);
let list;
try {
  ({ payload: list } = await verifyWithAuthorityKey(entry.statusListToken, { typ: 'statuslist+jwt', subject: reference.uri }));
} catch (e) {
  answer('REJECTED', 'status list: ' + e.message);
}
const { bits, lst } = list.status_list;
const bytes = inflateSync(Buffer.from(lst, 'base64url'));
const position = reference.idx * bits;
const status = (bytes[position >> 3] >> (position & 7)) & ((1 << bits) - 1);
answer(status === 0 ? 'VALID' : status === 1 ? 'INVALID' : status === 2 ? 'SUSPENDED' : 'REJECTED', 'status ' + status);
