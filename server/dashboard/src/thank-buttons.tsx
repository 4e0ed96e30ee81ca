
/**
 * The "Thank <team>" buttons colleagues get with the story (not the ones of
 * their own department), drawn as buttons but inert: a preview sends nothing.
 */
export function ThankButtons({ teams, testId }: { teams: string[]; testId?: string }) {
  if (teams.length === 0) return null;
  return (
    <p class="preview-thanks" data-testid={testId}>
      {teams.map((name) => (
        <span class="preview-button" key={name}>
          Thank {name}
        </span>
      ))}
    </p>
  );
}
