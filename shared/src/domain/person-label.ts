/** How a person signed in with the company's provider is named (as sessions and the audit log name them): name, else e-mail, else the provider's id. */
export function personLabel(person: { name: string | null; email: string | null; subject: string }): string {
  return person.name ?? person.email ?? person.subject;
}
