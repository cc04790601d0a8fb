import assert from 'node:assert/strict';
import { test } from 'node:test';
import { noFilters, parseRoute, routeHref, type Route } from '../model/routes';

test('parses the three pages', () => {
  assert.deepEqual(parseRoute('/'), { kind: 'list', filters: noFilters });
  assert.deepEqual(parseRoute('/status'), { kind: 'status' });
  assert.deepEqual(parseRoute('/status/'), { kind: 'status' });
  assert.deepEqual(parseRoute('/documents/dalmor-standard.2026-03-04-sarn-pass-closed'), {
    kind: 'reader',
    id: 'dalmor-standard.2026-03-04-sarn-pass-closed',
  });
});

test('list filters round-trip through the query string', () => {
  const route: Route = { kind: 'list', filters: { q: 'sarn pass & co', collection: 'wire', language: 'el', tag: '' } };
  const href = routeHref(route);
  assert.equal(href, '/?q=sarn+pass+%26+co&collection=wire&language=el');
  const url = new URL(href, 'http://x');
  assert.deepEqual(parseRoute(url.pathname, url.search), route);
});

test('document ids in any script are encoded and decoded', () => {
  const id = 'ελληνικά.άρθρο_1';
  const href = routeHref({ kind: 'reader', id });
  assert.equal(href, `/documents/${encodeURIComponent(id)}`);
  assert.deepEqual(parseRoute(new URL(href, 'http://x').pathname), { kind: 'reader', id });
});

test('unknown and malformed paths are not found', () => {
  assert.equal(parseRoute('/documents/').kind, 'notFound');
  assert.equal(parseRoute('/documents/a/b').kind, 'notFound');
  assert.equal(parseRoute('/documents/%E0%A4%A').kind, 'notFound');
  assert.equal(parseRoute('/api/documents').kind, 'notFound');
});

test('the project and document agreement pages round-trip, with their group-by attribute', () => {
  assert.deepEqual(parseRoute('/agreement'), { kind: 'agreement', documentId: null, groupBy: '' });
  assert.deepEqual(parseRoute('/agreement/'), { kind: 'agreement', documentId: null, groupBy: '' });
  assert.deepEqual(parseRoute('/agreement', '?groupBy=group'), { kind: 'agreement', documentId: null, groupBy: 'group' });
  const id = 'ελληνικά.άρθρο_1';
  const route: Route = { kind: 'agreement', documentId: id, groupBy: 'reading-role' };
  const href = routeHref(route);
  assert.equal(href, `/documents/${encodeURIComponent(id)}/agreement?groupBy=reading-role`);
  const url = new URL(href, 'http://x');
  assert.deepEqual(parseRoute(url.pathname, url.search), route);
  assert.equal(routeHref({ kind: 'agreement', documentId: null, groupBy: '' }), '/agreement');
  assert.equal(parseRoute('/documents/a/agreement/x').kind, 'notFound');
  assert.equal(parseRoute('/agreements').kind, 'notFound');
});

test('the account page round-trips, with or without a trailing slash', () => {
  assert.deepEqual(parseRoute('/account'), { kind: 'account' });
  assert.deepEqual(parseRoute('/account/'), { kind: 'account' });
  assert.equal(routeHref({ kind: 'account' }), '/account');
  assert.equal(parseRoute('/account/tokens').kind, 'notFound');
  assert.equal(parseRoute('/accounts').kind, 'notFound');
});
