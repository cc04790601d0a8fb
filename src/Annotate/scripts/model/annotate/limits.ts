// The server's limits (AnnotationValidator.MaxNoteLength, MaxTextAttributeLength): a field never takes more than the
// server keeps, so nothing a person types is refused for its length.

export const MAX_NOTE_LENGTH = 5000;
export const MAX_TEXT_ATTRIBUTE_LENGTH = 2000;

/** "1,980 / 2,000", and whether the text is close to the limit (the last tenth) or past it. */
export function lengthCounter(length: number, max: number): { text: string; near: boolean; over: boolean } {
  return {
    text: `${length.toLocaleString('en')} / ${max.toLocaleString('en')}`,
    near: length >= max * 0.9,
    over: length > max,
  };
}
