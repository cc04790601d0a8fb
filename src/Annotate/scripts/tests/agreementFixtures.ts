import type { AgreementReport, TextAgreement } from '../api/agreement';

/** A project report as the contract describes it: one span layer, one document layer, groups by "group". */
export const report: AgreementReport = {
  projectId: 'default',
  documentId: null,
  revision: 17,
  visibility: 'open',
  annotators: [
    { id: 'u1', name: 'Ana', attributes: { group: 'A', role: 'editor' } },
    { id: 'u2', name: 'Ben', attributes: { group: 'B' } },
    { id: 'u3', name: 'Cleo', attributes: {} },
  ],
  documents: [{ id: 'd1', title: 'Sarn pass closed', annotators: 3, spans: 12, alphaU: 0.61, tokenAlpha: 0.7, spanF1Overlap: null }],
  layers: [
    {
      layer: 'framing', name: 'Framing', scope: 'span',
      spans: {
        alphaU: 0.61, alphaUByLabel: { protest: 0.5, blockade: null }, spanF1Exact: 0.4, spanF1Overlap: 0.8,
        tokenAlpha: 0.7, tokenAlphaCi95: [0.52, 0.81],
        disagreements: { agreements: 3, boundary: 1, label: 2, boundaryAndLabel: 0, missed: 4 },
        byLabel: [
          { label: 'protest', name: 'Protest', color: '#aabbcc', spans: 5, alphaU: 0.5, tokenAlpha: 0.66, spanF1Exact: 0.3, spanF1Overlap: 0.7 },
          { label: 'blockade', name: 'Blockade', color: null, spans: 1, alphaU: null, tokenAlpha: null, spanF1Exact: null, spanF1Overlap: null },
        ],
        pairs: [
          { a: 'u1', b: 'u2', tokenAlpha: 0.8, spanF1Overlap: 0.9, alphaU: 0.7 },
          { a: 'u3', b: 'u1', tokenAlpha: -0.2, spanF1Overlap: 0.1, alphaU: null },
          { a: 'u2', b: 'u3', tokenAlpha: null, spanF1Overlap: null, alphaU: null },
        ],
        coincidence: { categories: ['none', 'protest'], cells: [[10, 2], [2, 6.5]] },
      },
    },
    {
      layer: 'genre', name: 'Genre', scope: 'document',
      coding: {
        units: 3, coders: 2, pairableValues: 6, level: 'nominal', percentAgreement: 0.67, krippendorffAlpha: 0.44,
        observedDisagreement: 0.33, expectedDisagreement: 0.6, cohenKappa: 0.4, cohenKappaLinear: null, cohenKappaQuadratic: null,
        scottPi: 0.4, bennettS: 0.5, fleissKappa: 0.4, randolphKappa: 0.5, gwetAC1: 0.55, gwetAC2Linear: null, gwetAC2Quadratic: null,
        perCategory: { news: { positiveAgreement: 0.8, alpha: 0.5 } }, ci95: { krippendorffAlpha: [0.1, 0.8] },
        notes: ['cohenKappaLinear: weights need ordered values; use --level ordinal, interval or ratio.'],
      },
    },
  ],
  groups: {
    attribute: 'group',
    groups: [
      { value: 'A', annotators: ['u1'], tokenAlpha: null, meanPairwiseAlpha: null },
      { value: 'B', annotators: ['u2'], tokenAlpha: null, meanPairwiseAlpha: null },
    ],
    between: [{ a: 'A', b: 'B', meanPairwiseAlpha: 0.8 }],
    ungrouped: ['u3'],
  },
  notes: ['tokenAlpha of blockade: only one span, so no pair to compare.'],
};

export const text: TextAgreement = {
  documentId: 'd1',
  version: 2,
  annotators: [{ id: 'u1', name: 'Ana' }, { id: 'u2', name: 'Ben' }],
  segments: [
    { start: 30, end: 40, agreement: null, labels: { u1: ['protest'] } },
    { start: 10, end: 25, agreement: 0.33, labels: { u2: [], u1: ['protest', 'blockade'] } },
    { start: 25, end: 30, agreement: 1, labels: { u1: ['protest'], u2: ['protest'] } },
    { start: 50, end: 50, agreement: 1, labels: {} },
  ],
};
