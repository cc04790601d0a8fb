import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agreementRoute, classRoute, joinRoute, noFilters, parseRoute, readerRoute, routeHref, statusRoute, withProject, type Route } from '../model/app/routes';

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

test('the join page keeps the class code from its link', () => {
  assert.deepEqual(parseRoute('/join', '?code=K7PQ4XMA'), { kind: 'join', code: 'K7PQ4XMA' });
  assert.deepEqual(parseRoute('/join/'), { kind: 'join', code: '' });
  assert.equal(routeHref({ kind: 'join', code: 'K7PQ 4XMA' }), '/join?code=K7PQ+4XMA');
  assert.equal(routeHref({ kind: 'join', code: '' }), '/join');
  const url = new URL(routeHref({ kind: 'join', code: 'k7pq-4xma' }), 'http://x');
  assert.deepEqual(parseRoute(url.pathname, url.search), { kind: 'join', code: 'k7pq-4xma' });
  assert.equal(parseRoute('/join/K7PQ4XMA').kind, 'notFound');
});

test('a personal link carries its ticket to the join page, and only when there is one', () => {
  assert.deepEqual(parseRoute('/join', '?ticket=ABCDEFGHJKMN'), { kind: 'join', code: '', ticket: 'ABCDEFGHJKMN' });
  assert.deepEqual(parseRoute('/join', '?ticket=%20'), { kind: 'join', code: '' });
  assert.equal(routeHref({ kind: 'join', code: '', ticket: 'ABCDEFGHJKMN' }), '/join?ticket=ABCDEFGHJKMN');
  assert.equal(routeHref(joinRoute('', 'ABCDEFGHJKMN')), '/join?ticket=ABCDEFGHJKMN');
  assert.deepEqual(joinRoute('K7PQ4XMA'), { kind: 'join', code: 'K7PQ4XMA' });
  const url = new URL(routeHref(joinRoute('', 'ab cd')), 'http://x');
  assert.deepEqual(parseRoute(url.pathname, url.search), { kind: 'join', code: '', ticket: 'ab cd' });
});

test('the class page round-trips with its anonymise switch', () => {
  assert.deepEqual(parseRoute('/class'), { kind: 'class', anonymous: false });
  assert.deepEqual(parseRoute('/class', '?anonymous=1'), { kind: 'class', anonymous: true });
  assert.deepEqual(parseRoute('/class', '?anonymous=true'), { kind: 'class', anonymous: true });
  assert.deepEqual(parseRoute('/class', '?anonymous=0'), { kind: 'class', anonymous: false });
  assert.equal(routeHref({ kind: 'class', anonymous: true }), '/class?anonymous=1');
  assert.equal(routeHref({ kind: 'class', anonymous: false }), '/class');
  assert.equal(parseRoute('/classes').kind, 'notFound');
});

test('the agreement pages carry anonymous through, and leave it out when off', () => {
  assert.deepEqual(parseRoute('/agreement', '?anonymous=1'), { kind: 'agreement', documentId: null, groupBy: '', anonymous: true });
  assert.deepEqual(parseRoute('/agreement', '?anonymous=no'), { kind: 'agreement', documentId: null, groupBy: '' });
  const route: Route = { kind: 'agreement', documentId: 'a.b', groupBy: 'group', anonymous: true };
  const href = routeHref(route);
  assert.equal(href, '/documents/a.b/agreement?groupBy=group&anonymous=1');
  const url = new URL(href, 'http://x');
  assert.deepEqual(parseRoute(url.pathname, url.search), route);
  assert.equal(routeHref(agreementRoute(null, '', true)), '/agreement?anonymous=1');
  assert.equal(routeHref(agreementRoute(null, '', false)), '/agreement');
});

test('the agreement and class pages may name a project', () => {
  assert.deepEqual(parseRoute('/agreement', '?project=wire-class'), { kind: 'agreement', documentId: null, groupBy: '', project: 'wire-class' });
  assert.deepEqual(parseRoute('/agreement', '?project=%20'), { kind: 'agreement', documentId: null, groupBy: '' });
  assert.deepEqual(parseRoute('/class', '?project=wire-class&anonymous=1'), { kind: 'class', anonymous: true, project: 'wire-class' });
  assert.equal(routeHref(agreementRoute(null, 'group', true, 'wire class')), '/agreement?project=wire+class&groupBy=group&anonymous=1');
  assert.equal(routeHref(classRoute(false, 'wire-class')), '/class?project=wire-class');
  assert.equal(routeHref(classRoute(true, 'wire-class')), '/class?project=wire-class&anonymous=1');
  for (const route of [agreementRoute(null, 'g', false, 'p/1'), classRoute(true, 'ελ')]) {
    const url = new URL(routeHref(route), 'http://x');
    assert.deepEqual(parseRoute(url.pathname, url.search), route);
  }
});

test('a document agreement page never names a project: the document says which', () => {
  assert.deepEqual(parseRoute('/documents/a.b/agreement', '?project=other'), { kind: 'agreement', documentId: 'a.b', groupBy: '' });
  assert.equal(routeHref(agreementRoute('a.b', '', false, 'other')), '/documents/a.b/agreement');
});

test('switching project keeps the page and names the new project only where the address carries one', () => {
  assert.deepEqual(withProject(agreementRoute(null, 'group', false, 'a'), 'b'), agreementRoute(null, 'group', false, 'b'));
  assert.deepEqual(withProject(classRoute(true, 'a'), ''), classRoute(true));
  assert.deepEqual(withProject(agreementRoute('d1'), 'b'), agreementRoute('d1'));
  assert.deepEqual(withProject(statusRoute, 'b'), statusRoute);
});

test('a document shown to a class keeps its anonymise switch, and leaves it out when off', () => {
  assert.deepEqual(parseRoute('/documents/a.b', '?anonymous=1'), { kind: 'reader', id: 'a.b', anonymous: true });
  assert.deepEqual(parseRoute('/documents/a.b', '?anonymous=0'), { kind: 'reader', id: 'a.b' });
  assert.equal(routeHref(readerRoute('a.b', true)), '/documents/a.b?anonymous=1');
  assert.equal(routeHref(readerRoute('a.b')), '/documents/a.b');
});
