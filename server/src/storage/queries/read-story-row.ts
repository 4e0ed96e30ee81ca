import type { RecognitionMark, Story } from '@customer-chair/shared/schemas/story';

export type StoryRow = {
  id: string;
  title: string;
  customer: string;
  quote: string | null;
  body: string;
  impact: string | null;
  source: string | null;
  tags: string;
  roles: string | null;
  /** JSON array of credited department ids, else null (none). */
  credits: string | null;
  publish_on: string | null;
  archived: number;
  /** JSON RecognitionMark of a story a recognition winner became, else null. */
  recognition: string | null;
};

/** A `stories` row as the shared Story shape (absent optional fields left out). */
export function readStoryRow(row: StoryRow): Story {
  const story: Story = {
    id: row.id,
    title: row.title,
    customer: row.customer,
    body: row.body,
    tags: JSON.parse(row.tags) as string[],
    archived: row.archived === 1,
  };
  if (row.quote !== null) story.quote = row.quote;
  if (row.impact !== null) story.impact = row.impact;
  if (row.source !== null) story.source = row.source;
  if (row.roles !== null) story.roles = JSON.parse(row.roles) as string[];
  if (row.credits !== null) story.credits = JSON.parse(row.credits) as string[];
  if (row.publish_on !== null) story.publishOn = row.publish_on;
  if (row.recognition !== null) story.recognition = JSON.parse(row.recognition) as RecognitionMark;
  return story;
}

/** The Story's fields as the values of `stories` columns. */
export function storyColumns(story: Omit<Story, 'id' | 'archived'>) {
  return {
    title: story.title,
    customer: story.customer,
    quote: story.quote ?? null,
    body: story.body,
    impact: story.impact ?? null,
    source: story.source ?? null,
    tags: JSON.stringify(story.tags),
    roles: story.roles?.length ? JSON.stringify(story.roles) : null,
    credits: story.credits?.length ? JSON.stringify(story.credits) : null,
    publishOn: story.publishOn ?? null,
    recognition: story.recognition ? JSON.stringify(story.recognition) : null,
  };
}
