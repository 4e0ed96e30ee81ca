import type { Department } from '@customer-chair/shared/schemas/department';
import type { Story } from '@customer-chair/shared/schemas/story';
import type { Surface } from '@customer-chair/shared/schemas/usage-event';
import { useState } from 'preact/hooks';
import type { Profile } from '../lib/profile';
import { logEvent } from '../lib/send-to-background';
import { thanksKey } from '../lib/thanks-key';

type Props = {
  story: Story;
  departments: Pick<Department, 'id' | 'name'>[];
  profile: Pick<Profile, 'department' | 'usageStatistics'>;
  surface: Surface;
  /** `local:thanked`: the thanks this browser gave, on any surface. */
  thanked: Record<string, string>;
};

/**
 * "Thank <department>" for each department the story credits, except the
 * employee's own. A thanks is an event, so none is offered with usage
 * statistics off. Each counts once per story and department on this browser
 * (the event queue keeps `local:thanked`); once given, the button says so.
 */
export function ThankButtons({ story, departments, profile, surface, thanked }: Props) {
  const [given, setGiven] = useState<Record<string, true>>({});
  const [busy, setBusy] = useState<string>();
  if (!profile.usageStatistics || !profile.department) return null;
  const teams = (story.credits ?? [])
    .filter((id) => id !== profile.department)
    .map((id) => departments.find((d) => d.id === id))
    .filter((d): d is Pick<Department, 'id' | 'name'> => d !== undefined);
  if (teams.length === 0) return null;

  async function thank(department: string) {
    setBusy(department);
    try {
      await logEvent({ type: 'team_thanked', surface, storyId: story.id, thankedDepartment: department });
      // Also when the queue had it already (thanked on another surface a moment ago): it is given either way.
      setGiven((g) => ({ ...g, [department]: true }));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <div class="thanks" role="group" aria-label="Thank the team behind this story">
      {teams.map((team) => {
        const done = given[team.id] || thanked[thanksKey(story.id, team.id)] !== undefined;
        return (
          <button type="button" class={done ? 'secondary thank done' : 'secondary thank'} key={team.id} disabled={done || busy === team.id} onClick={() => void thank(team.id)}>
            {done ? (
              <>
                Thanked {team.name} <span aria-hidden="true">✓</span>
              </>
            ) : (
              `Thank ${team.name}`
            )}
          </button>
        );
      })}
    </div>
  );
}
