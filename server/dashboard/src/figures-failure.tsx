
/** The Adoption figures could not be loaded: why, and a way to try again. */
export function FiguresFailure({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div class="failure" role="alert">
      <p>Could not load the figures: {message}</p>
      <button type="button" class="secondary" onClick={onRetry}>Try again</button>
    </div>
  );
}
