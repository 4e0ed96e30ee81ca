import { addDays } from '../domain/local-day';
import type { VoiceKind, VoiceStatusName } from '../schemas/voice';

/** A fictional message of `pnpm demo`'s voice inbox, and what the CX team made of it. */
export type DemoVoiceMessage = {
  kind: VoiceKind;
  department: string;
  text: string;
  /** The company-local day it came. */
  day: string;
  status: VoiceStatusName;
  /** not_adopted: why. */
  reason?: string;
  /** A public "You said, we did" reply, shown on new tabs from `from` to `until`. */
  reply?: { said: string; did: string; from: string; until: string };
  /** A lesson shared to all departments as a card. */
  shared?: { said: string; from: string; until: string };
};

type Draft = Omit<DemoVoiceMessage, 'day' | 'reply' | 'shared'> & {
  daysAgo: number;
  reply?: { said: string; did: string; daysAgo: number; days: number };
  shared?: { said: string; daysAgo: number; days: number };
};

const DRAFTS: Draft[] = [
  {
    kind: 'customer_said', department: 'support', daysAgo: 84, status: 'adopted',
    text: 'A hospital buyer told me she prints our order confirmation and retypes it into her own system because the PDF has no purchase-order number on it.',
    reply: { said: 'Order confirmations had no purchase-order number, so buyers retyped them.', did: 'Every confirmation now carries the customer\'s PO number at the top, since release 4.12.', daysAgo: 60, days: 14 },
  },
  {
    kind: 'idea', department: 'manufacturing', daysAgo: 77, status: 'not_adopted',
    text: 'Put a QR code on the packaging that opens the setup video in the customer\'s language.',
    reason: 'Packaging is printed a year ahead and the videos change too often. We will put the link in the quick-start sheet instead, which is printed per batch.',
  },
  {
    kind: 'lesson', department: 'engineering', daysAgo: 70, status: 'adopted',
    text: 'We shipped the new export on a Friday afternoon. Three customers found the broken date format over the weekend and support had nobody on call who knew the change. Ship customer-facing changes early in the week.',
    shared: { said: 'Ship customer-facing changes early in the week: a Friday release meets its first customers when nobody who knows it is around.', daysAgo: 66, days: 21 },
  },
  {
    kind: 'customer_said', department: 'sales', daysAgo: 63, status: 'under_review',
    text: 'Two prospects this month asked whether they can pay annually by bank transfer. Our order form only takes cards, and one of them went to a competitor.',
  },
  {
    kind: 'idea', department: 'finance', daysAgo: 55, status: 'adopted',
    text: 'Send the invoice on the day the service starts, not at the end of the month: customers match it to the delivery more easily.',
    reply: { said: 'Invoices arrived weeks after the delivery and were hard to match.', did: 'Invoices now go out the day service starts, with the delivery note number on them.', daysAgo: 30, days: 14 },
  },
  {
    kind: 'customer_said', department: 'operations', daysAgo: 49, status: 'adopted',
    text: 'A distributor said our delivery windows of "morning" or "afternoon" make them keep a forklift driver waiting for hours. They asked for a two-hour slot.',
    reply: { said: 'Delivery windows of half a day kept your forklift drivers waiting.', did: 'Deliveries now come with a two-hour slot, confirmed the evening before.', daysAgo: 5, days: 21 },
  },
  {
    kind: 'lesson', department: 'marketing', daysAgo: 44, status: 'adopted',
    text: 'Our spring campaign promised "set up in five minutes". Support got twenty tickets from people who took an hour. Test a claim with three real customers before it goes on a banner.',
    shared: { said: 'Test a promise with three real customers before it goes on a banner: "five minutes" that takes an hour costs trust.', daysAgo: 3, days: 14 },
  },
  {
    kind: 'idea', department: 'it', daysAgo: 38, status: 'under_review',
    text: 'Let customers download our security questionnaire answers from the trust page, so their IT team does not wait a week for us to fill in theirs.',
  },
  {
    kind: 'customer_said', department: 'engineering', daysAgo: 33, status: 'not_adopted',
    text: 'A customer on the forum asked for a dark mode in the admin console.',
    reason: 'Few customers asked, and the console is being redesigned this year; the new one will follow the system\'s light or dark setting.',
  },
  {
    kind: 'idea', department: 'people', daysAgo: 27, status: 'adopted',
    text: 'New hires could spend half a day sitting with support in their first week, whatever their job.',
    reply: { said: 'New hires should hear customers in their first week.', did: 'Every new hire now spends half a day with support in week one.', daysAgo: 12, days: 21 },
  },
  {
    kind: 'customer_said', department: 'support', daysAgo: 21, status: 'under_review',
    text: 'A customer said our password reset e-mail lands in spam at their company because it comes from a no-reply address with a tracking link.',
  },
  {
    kind: 'lesson', department: 'operations', daysAgo: 17, status: 'under_review',
    text: 'We changed the carrier for the north region to save cost. Delivery times went from two days to four and we only found out from complaints. Ask a few customers before changing anything they wait for.',
  },
  {
    kind: 'customer_said', department: 'legal', daysAgo: 14, status: 'new',
    text: 'A customer\'s lawyer asked why our data processing agreement is a scanned PDF they cannot search or comment on.',
  },
  {
    kind: 'idea', department: 'product', daysAgo: 9, status: 'new',
    text: 'Show the customer which step of an order they are at, like parcel tracking, instead of "processing" for five days.',
  },
  {
    kind: 'customer_said', department: 'manufacturing', daysAgo: 6, status: 'new',
    text: 'An installer told our line lead that the mounting screws are in a bag taped inside the box lid, and half of them throw it away with the packaging.',
  },
  {
    kind: 'idea', department: 'sales', daysAgo: 4, status: 'new',
    text: 'After a deal is signed, the account manager could call the customer after 30 days just to ask how it is going, with nothing to sell.',
  },
  {
    kind: 'lesson', department: 'finance', daysAgo: 2, status: 'new',
    text: 'We sent late-payment reminders to customers whose invoices were disputed. Check for an open dispute before a reminder goes out.',
  },
  {
    kind: 'customer_said', department: 'safety', daysAgo: 1, status: 'new',
    text: 'A customer said the warning label on the charger is only in English and their warehouse staff mostly read Polish.',
  },
];

/** The demo inbox's messages, dated back from `today` (the day the demo starts): new ones, some under review, adopted with public replies, and declined with reasons. */
export function demoVoice(today: string): DemoVoiceMessage[] {
  return DRAFTS.map(({ daysAgo, reply, shared, ...message }) => ({
    ...message,
    day: addDays(today, -daysAgo),
    ...(reply && { reply: { said: reply.said, did: reply.did, from: addDays(today, -reply.daysAgo), until: addDays(today, -reply.daysAgo + reply.days - 1) } }),
    ...(shared && { shared: { said: shared.said, from: addDays(today, -shared.daysAgo), until: addDays(today, -shared.daysAgo + shared.days - 1) } }),
  }));
}
