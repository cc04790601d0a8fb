// View settings that survive a reload, per browser.

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode or storage full: the setting lasts until the page is left.
  }
}

export const settings = {
  /** Selections snap to whole words (on unless turned off). */
  get words(): boolean {
    return read('annotate.snapWords') !== 'false';
  },
  set words(on: boolean) {
    write('annotate.snapWords', String(on));
  },
  /** Others' annotations (open and reveal modes) drawn as a fainter overlay, on unless turned off. */
  get others(): boolean {
    return read('annotate.showOthers') !== 'false';
  },
  set others(on: boolean) {
    write('annotate.showOthers', String(on));
  },
  /** The span layer new labels go to. */
  get layer(): string | null {
    return read('annotate.layer');
  },
  set layer(id: string | null) {
    if (id) write('annotate.layer', id);
  },
};
