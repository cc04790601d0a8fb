import { ApiError, annotationsApi, codebookApi } from '../../api';
import type { AnnotationList, CodebookInfo } from '../../api/annotationTypes';
import { relationsApi, type RelationList } from '../../api/relations';
import type { DocumentDetail } from '../../api/types';
import { isAbort } from '../cache';
import type { AppContext } from '../context';
import { h } from '../dom';
import { Annotator, waitForSaves } from './annotator';
import type { ArticleDom } from './articleDom';
import { ownNames, type PeopleNames } from '../../model/annotate/peopleNames';

export interface AnnotationMount {
  onKey(event: KeyboardEvent): boolean;
  dispose(): void;
}

/**
 * Starts the codebook request alongside the document's own; the annotations (the bigger answer) once the document
 * has arrived, so on a busy server the text comes first.
 */
export function prefetchAnnotations(id: string, signal: AbortSignal, documentArrived: Promise<unknown>) {
  const codebook = codebookApi.forDocument(id, signal).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  });
  const annotations = Promise.all([waitForSaves(id), documentArrived.catch(() => {})]).then(() => Promise.all([
    annotationsApi.list('annotations', id, {}, signal),
    annotationsApi.list('labels', id, {}, signal),
    relationsApi.list(id, {}, signal),
  ]));
  // Handled where they are awaited; this keeps an early failure from being reported as unhandled.
  codebook.catch(() => {});
  annotations.catch(() => {});
  return { codebook, annotations };
}

export interface MountParts {
  container: HTMLElement;
  body: HTMLElement;
  dom: ArticleDom;
  toolbarSlot: HTMLElement;
  sideSlot: HTMLElement;
}

/** Turns the rendered article into the annotation view once the codebook is known; null-safe when there is none. */
export function mountAnnotation(
  ctx: AppContext,
  doc: DocumentDetail,
  parts: MountParts,
  requests: { codebook: Promise<CodebookInfo | null>; annotations: Promise<[AnnotationList, AnnotationList, RelationList]> },
  names: { people: PeopleNames; ready: Promise<void> } = { people: ownNames, ready: Promise.resolve() },
): AnnotationMount {
  let annotator: Annotator | null = null;
  let disposed = false;

  void (async () => {
    let info: CodebookInfo | null;
    try {
      info = await requests.codebook;
    } catch (error) {
      if (!isAbort(error)) ctx.showError(error);
      return;
    }
    if (disposed) return;
    if (!info) {
      parts.toolbarSlot.replaceWith(h('p', { class: 'banner info' }, 'This collection has no codebook, so there is nothing to annotate here.'));
      parts.sideSlot.remove();
      parts.container.closest('.annotate-layout')?.classList.add('no-codebook');
      return;
    }
    const { container } = parts;
    container.tabIndex = 0;
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', 'Article text');
    container.setAttribute('aria-describedby', 'annotate-hint');
    annotator = new Annotator(ctx, doc, info, container, parts.body, parts.dom, names.people);
    parts.toolbarSlot.replaceWith(annotator.toolbarElement);
    parts.sideSlot.replaceWith(annotator.sideElement);
    try {
      // An anonymised page names nobody before it knows their numbers.
      const [[spans, labels, relations]] = await Promise.all([requests.annotations, names.ready]);
      // Let the browser paint the text first: drawing thousands of spans is a long task of its own.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      if (!disposed) {
        annotator.start(spans.items, labels.items, relations.items);
        performance.mark('annotate:annotations-drawn');
      }
    } catch (error) {
      if (!isAbort(error)) ctx.showError(error);
    }
  })();

  return {
    onKey: (event) => !!annotator && annotator.onKey(event),
    dispose() {
      disposed = true;
      annotator?.dispose();
    },
  };
}
