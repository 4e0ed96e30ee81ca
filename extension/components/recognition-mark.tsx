import { recognitionLine } from '@customer-chair/shared/domain/recognition-line';
import type { RecognitionMark as Mark } from '@customer-chair/shared/schemas/story';

/**
 * The small line that marks a story a recognition round's winner became,
 * with the same words the inserted text uses, so a screen reader reads what
 * is shown (the star is decoration).
 */
export function RecognitionMark({ mark }: { mark: Mark }) {
  return (
    <p class="recognition">
      <span aria-hidden="true">★ </span>
      {recognitionLine(mark)}
    </p>
  );
}
