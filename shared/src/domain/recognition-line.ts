import type { RecognitionMark } from '../schemas/story';

/**
 * The recognition mark as one line of plain text, the same wherever a
 * recognized story is shown or inserted: "Recognized: <category>, <round> — <team>".
 */
export function recognitionLine(mark: RecognitionMark): string {
  return `Recognized: ${mark.categoryName}, ${mark.roundName} — ${mark.teamName}`;
}
