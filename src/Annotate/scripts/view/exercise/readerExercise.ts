import type { DocumentDetail } from '../../api/types';
import type { AppContext } from '../context';
import type { TextMap } from '../annotate/textMap';
import { readerDone } from '../classroom/readerDone';
import { exercisePanel } from './exercisePanel';
import type { LabelName } from './scoreView';

/**
 * A student's Done button on the document page and, tied to it, their feedback against the key: each Done (or
 * Reopen) asks the server again what may be shown. Reopen in the feedback presses the same button.
 */
export function readerExercise(ctx: AppContext, doc: DocumentDetail, map: TextMap, labelName: LabelName, signal: AbortSignal) {
  const panel = exercisePanel(ctx, {
    documentId: doc.id, text: doc.text, labelName, range: (start, end) => map.range(start, end),
    reopen: () => {
      button.click();
      button.focus();
    },
  }, signal);
  const button = readerDone(ctx, doc.projectId, doc.id, signal, (done, mode) => void panel.refresh(done && mode !== 'off'));
  return { button, panel: panel.element, dispose: panel.dispose };
}
