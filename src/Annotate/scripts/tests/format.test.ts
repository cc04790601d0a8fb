import assert from 'node:assert/strict';
import { test } from 'node:test';
import { problemSummary, progressPercent, progressText, sortProblems } from '../model/corpus/corpus';
import { formatDate, langAttribute, plural, safeHttpUrl } from '../model/shared/format';
import type { CorpusProblem } from '../api/types';

const problem = (path: string, severity: 'error' | 'warning', code = 'x'): CorpusProblem => ({ path, code, message: 'm', severity });

test('problem summary counts failed files, not problems', () => {
  assert.equal(problemSummary([]), null);
  assert.equal(problemSummary([problem('a.md', 'error')]), '1 file could not be loaded');
  assert.equal(
    problemSummary([problem('a.md', 'error'), problem('a.md', 'error', 'y'), problem('b.md', 'error'), problem('c.md', 'error')]),
    '3 files could not be loaded',
  );
  assert.equal(problemSummary([problem('a.md', 'error'), problem('b.pdf', 'warning')]), '1 file could not be loaded, 1 warning');
  assert.equal(problemSummary([problem('b.pdf', 'warning'), problem('c.pdf', 'warning')]), '2 warnings');
});

test('errors sort before warnings', () => {
  const sorted = sortProblems([problem('z.md', 'warning'), problem('b.md', 'error'), problem('a.md', 'error')]);
  assert.deepEqual(sorted.map((p) => p.path), ['a.md', 'b.md', 'z.md']);
});

test('progress', () => {
  assert.equal(progressPercent({ processed: 0, total: 0 }), null);
  assert.equal(progressPercent({ processed: 1, total: 3 }), 33);
  assert.equal(progressPercent({ processed: 5, total: 3 }), 100);
  const status = { state: 'loading' as const, root: '/c', processed: 120, total: 400, documentCount: 0, lastLoadedAt: null, lastLoadSeconds: null, problems: [] };
  assert.equal(progressText(status), 'Loading the corpus: 120 of 400 files (30%)');
});

test('only http and https URLs become links', () => {
  assert.equal(safeHttpUrl('https://example.org/a?b=1'), 'https://example.org/a?b=1');
  assert.equal(safeHttpUrl('http://example.org'), 'http://example.org/');
  assert.equal(safeHttpUrl('javascript:alert(1)'), null);
  assert.equal(safeHttpUrl('JaVaScRiPt:alert(1)'), null);
  assert.equal(safeHttpUrl('data:text/html,hi'), null);
  assert.equal(safeHttpUrl('/relative'), null);
  assert.equal(safeHttpUrl(null), null);
});

test('language tags are checked before they become lang attributes', () => {
  assert.equal(langAttribute('el'), 'el');
  assert.equal(langAttribute('pt-BR'), 'pt-BR');
  assert.equal(langAttribute('en" onload="x'), null);
  assert.equal(langAttribute(null), null);
});

test('dates are calendar days, whatever the time zone', () => {
  assert.equal(formatDate('2026-03-04'), '4 Mar 2026');
  assert.equal(formatDate(null), '');
  assert.equal(formatDate('someday'), 'someday');
  assert.equal(plural(1, 'file', 'files'), '1 file');
  assert.equal(plural(1200, 'file', 'files'), '1,200 files');
});
