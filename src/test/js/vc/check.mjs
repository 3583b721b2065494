// Runs Digital Bazaar's standard VC libraries against the running service, the way a verifier we did not
// write would: their verifier, their cryptosuite, their status-list checker and jsonld's safe mode, with a
// plain document loader. Reads a request (JSON, file named by the first argument) and prints one JSON result.
//
// Request: {"service": "<public url>", "checks": [{"name", "op": "verify"|"expand", "document" | "url",
//           "checkStatus": bool, "addUndefinedTerm": bool}]}
// Result:  {"<name>": {"verified", "statusVerified", "status": {"revocation": {"set", ...}, ...}, "errors": [...]}
//           or {"expanded", "errors": [...]}}
import {readFileSync} from 'node:fs';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {createVerifyCryptosuite} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';
import {contexts as credentialsContexts} from '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import securityContext from '@digitalbazaar/security-context';
import didContext from 'did-context';
import jsonld from 'jsonld';

const request = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const service = new URL(request.service);

// The W3C and CCG contexts, exactly as their npm packages ship them; nothing here comes from the service.
// The security contexts are the ones jsonld-signatures itself frames controller documents with.
const standardContexts = new Map([
  ...credentialsContexts,
  ...dataIntegrityContext.contexts,
  ...multikeyContext.contexts,
  ...securityContext.contexts,
  ...didContext.contexts,
]);

// did:web (W3C CCG did:web method): the method-specific id is a host, its port percent-encoded, and
// optional path segments separated by ':'. did:web:example.org -> https://example.org/.well-known/did.json;
// did:web:example.org%3A8443:issuers:A -> https://example.org:8443/issuers/A/did.json.
function didWebUrl(did) {
  const segments = did.slice('did:web:'.length).split(':');
  const host = decodeURIComponent(segments[0]);
  const path = segments.length === 1 ? '/.well-known/did.json'
    : '/' + segments.slice(1).map(decodeURIComponent).join('/') + '/did.json';
  return `${schemeFor(host)}://${host}${path}`;
}

// did:web requires https. The service under test listens on the loopback interface without TLS, so plain
// http is allowed for localhost and 127.0.0.1 only, and nowhere else.
function schemeFor(hostAndPort) {
  const host = new URL(`http://${hostAndPort}`).hostname;
  return host === 'localhost' || host === '127.0.0.1' ? 'http' : 'https';
}

function assertTransportAllowed(url) {
  if (url.protocol === 'https:') {
    return;
  }
  if (url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1')) {
    return;
  }
  throw new Error(`refusing to fetch "${url}": only https, or http on localhost`);
}

// The node of a document whose id is exactly the given id, searched through the whole document, the way
// did-io dereferences a DID URL with a fragment.
function nodeWithId(value, id) {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = nodeWithId(item, id);
      if (found) {
        return found;
      }
    }
  } else if (value && typeof value === 'object') {
    if (value.id === id) {
      return value;
    }
    for (const [key, item] of Object.entries(value)) {
      if (key !== '@context') {
        const found = nodeWithId(item, id);
        if (found) {
          return found;
        }
      }
    }
  }
  return undefined;
}

async function fetchJson(url) {
  const target = new URL(url);
  assertTransportAllowed(target);
  // Nothing but the standard contexts above and the service's own documents: a document naming any other
  // URL fails here, with the URL, instead of reaching out to the internet.
  if (target.origin !== service.origin) {
    throw new Error(`"${url}" is neither a standard context this verifier has from npm nor a document of the service`
      + ` at ${service.origin}`);
  }
  const response = await fetch(target, {headers: {accept: 'application/did+ld+json, application/ld+json, application/json'}});
  const body = await response.text();
  if (!response.ok) {
    throw new Error(`GET ${url}: HTTP ${response.status}: ${body.slice(0, 300)}`);
  }
  try {
    return JSON.parse(body);
  } catch (e) {
    throw new Error(`GET ${url}: not JSON (${response.headers.get('content-type')}): ${body.slice(0, 300)}`);
  }
}

// The plain loader: standard contexts from npm, every other document fetched from the service as served.
// An id with a fragment is dereferenced (the document without the fragment, then the node with that id, with
// the document's @context copied onto it); the node itself is not changed.
async function documentLoader(url) {
  if (standardContexts.has(url)) {
    return {contextUrl: null, documentUrl: url, document: standardContexts.get(url)};
  }
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  let location;
  if (base.startsWith('did:web:')) {
    location = didWebUrl(base);
  } else if (base.startsWith('did:')) {
    throw new Error(`unsupported DID method: ${url}`);
  } else {
    location = base;
  }
  const document = await fetchJson(location);
  if (hash < 0) {
    return {contextUrl: null, documentUrl: url, document};
  }
  const node = nodeWithId(document, url);
  if (!node) {
    throw new Error(`${location} has no node with id "${url}"`);
  }
  return {contextUrl: null, documentUrl: url, document: {'@context': document['@context'], ...node}};
}

// An error as lines of text, with what the libraries nest in it: jsonld's details (and the loader error it
// wraps as details.cause), jsonld-signatures' list of errors, and causes.
function describe(error) {
  if (!error) {
    return [];
  }
  const lines = [`${error.name || 'Error'}: ${error.message}`];
  const {cause: detailsCause, ...details} = error.details || {};
  if (Object.keys(details).length > 0) {
    lines.push(`  details: ${safeJson(details)}`);
  }
  for (const inner of [...(error.errors || []), detailsCause, error.cause]) {
    if (inner instanceof Error) {
      lines.push(...describe(inner).map(line => `  ${line}`));
    }
  }
  return lines;
}

function safeJson(value) {
  try {
    return JSON.stringify(value, (key, item) => (key === 'document' || key === 'context' ? '…' : item));
  } catch (e) {
    return String(value);
  }
}

// Each error once: jsonld-signatures reports a proof's error both in the result and in the proof's result.
function describeAll(errors) {
  const seen = new Set();
  const lines = [];
  for (const error of errors) {
    if (error && !seen.has(error)) {
      seen.add(error);
      (error.errors || []).forEach(inner => seen.add(inner));
      lines.push(...describe(error));
    }
  }
  return lines;
}

async function documentOf(check) {
  const document = check.document ?? (await documentLoader(check.url)).document;
  // a copy: the twin that proves safe mode is on adds a term no context defines
  const copy = structuredClone(document);
  if (check.addUndefinedTerm) {
    copy.notDefined = 1;
  }
  return copy;
}

async function verify(check) {
  const credential = await documentOf(check);
  const suite = new DataIntegrityProof({cryptosuite: createVerifyCryptosuite()});
  const result = await vc.verifyCredential({
    credential, suite, documentLoader, ...(check.checkStatus ? {checkStatus} : {})
  });
  const errors = [result.error];
  for (const proof of result.results || []) {
    errors.push(proof.error, proof.purposeResult?.error);
  }
  const answer = {verified: result.verified};
  if (result.statusResult) {
    errors.push(result.statusResult.error);
    answer.statusVerified = result.statusResult.verified;
    answer.status = {};
    for (const entry of result.statusResult.results || []) {
      answer.status[entry.credentialStatus.statusPurpose] = {
        set: entry.status, statusListCredential: entry.credentialStatus.statusListCredential
      };
    }
  }
  answer.errors = describeAll(errors);
  return answer;
}

async function expand(check) {
  const document = await documentOf(check);
  try {
    const expanded = await jsonld.expand(document, {safe: true, documentLoader});
    return {expanded: true, nodes: expanded.length, errors: []};
  } catch (error) {
    return {expanded: false, errors: describeAll([error])};
  }
}

const results = {};
for (const check of request.checks) {
  try {
    results[check.name] = check.op === 'verify' ? await verify(check) : await expand(check);
  } catch (error) {
    results[check.name] = {failedToRun: true, errors: describeAll([error])};
  }
}
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
