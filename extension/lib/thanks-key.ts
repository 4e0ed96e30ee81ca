/** The key of one thanks in `local:thanked`: a department is thanked once per story. */
export const thanksKey = (storyId: string, department: string) => `${storyId}:${department}`;
