import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attributeProblem, attributesBody, fieldOfError } from '../model/agreement/agreementAttributes';
import { cleanSegments, describeSegment, labelTitle, segmentAt, segmentVotes, textLegend, textStep } from '../model/agreement/agreementText';
import { text } from './agreementFixtures';

test('segments are sorted, clipped to the text and never empty', () => {
  const segments = cleanSegments(text.segments, 35);
  assert.deepEqual(segments.map((s) => [s.start, s.end]), [[10, 25], [25, 30], [30, 35]]);
});

test('the segment under an offset is found at its start, inside, and not at its end', () => {
  const segments = cleanSegments(text.segments, 100);
  assert.equal(segmentAt(segments, 9), null);
  assert.equal(segmentAt(segments, 10)!.start, 10);
  assert.equal(segmentAt(segments, 24)!.start, 10);
  assert.equal(segmentAt(segments, 25)!.start, 25);
  assert.equal(segmentAt(segments, 39)!.start, 30);
  assert.equal(segmentAt(segments, 40), null);
  assert.equal(segmentAt([], 3), null);
});

test('agreement falls into five colour steps, n/a with one annotator', () => {
  assert.equal(textStep(0), 0);
  assert.equal(textStep(0.33), 1);
  assert.equal(textStep(0.99), 4);
  assert.equal(textStep(1), 4);
  assert.equal(textStep(null), 'na');
  assert.equal(textLegend.length, 6);
  assert.equal(textLegend[0]!.text, '0–20%');
});

test('who labelled a segment how: by name, label names, those who marked nothing last', () => {
  const segment = cleanSegments(text.segments, 100)[0]!;
  const votes = segmentVotes(segment, text.annotators, (l) => l.toUpperCase());
  assert.deepEqual(votes, [
    { annotatorId: 'u1', name: 'Ana', labels: ['PROTEST', 'BLOCKADE'] },
    { annotatorId: 'u2', name: 'Ben', labels: [] },
  ]);
  assert.equal(describeSegment(segment, votes), 'Agreement 33%. Ana: PROTEST, BLOCKADE; Ben: nothing');
  const single = cleanSegments(text.segments, 100)[2]!;
  assert.match(describeSegment(single, segmentVotes(single, text.annotators)), /^One annotator only\. Ana: protest$/);
});

test('attribute rows follow the server’s rules', () => {
  assert.equal(attributeProblem({ name: 'group', value: 'A' }), null);
  assert.equal(attributeProblem({ name: 'reading-role_2', value: '' }), null);
  assert.match(attributeProblem({ name: 'Group', value: 'A' })!, /lower-case/);
  assert.match(attributeProblem({ name: '', value: 'A' })!, /1–40/);
  assert.match(attributeProblem({ name: 'x'.repeat(41), value: 'A' })!, /1–40/);
  assert.match(attributeProblem({ name: 'group', value: 'v'.repeat(101) })!, /100/);
});

test('the attributes body removes rows that were deleted and skips blank ones', () => {
  assert.deepEqual(attributesBody({ group: 'A', role: 'x' }, [{ name: ' group ', value: ' B ' }, { name: '', value: '' }]),
    { group: 'B', role: '' });
  assert.deepEqual(attributesBody({}, [{ name: 'group', value: 'A' }]), { group: 'A' });
  assert.equal(fieldOfError('attributes.group'), 'group');
  assert.equal(fieldOfError('attributes'), null);
});

test('labels of the whole text ("layer: label") read with the codebook’s names', () => {
  const layers: Record<string, string> = { frame: 'Frame' };
  const labels: Record<string, string> = { 'frame/protest': 'Protest', 'null/protest': 'Protest' };
  const names = { layer: (id: string) => layers[id], label: (layer: string | null, id: string) => labels[`${layer}/${id}`] };
  assert.equal(labelTitle('frame: protest', names), 'Frame: Protest');
  assert.equal(labelTitle('frame: unknown', names), 'Frame: unknown');
  assert.equal(labelTitle('protest', names), 'Protest');
  assert.equal(labelTitle('other: x', names), 'other: x');
});
