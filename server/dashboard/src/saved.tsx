
/** A change went through. */
export function Saved({ message }: { message: string | undefined }) {
  return (
    <p class="saved" role="status">
      {message}
    </p>
  );
}
