import { addDays } from '../domain/local-day';
import type { Criterion, Round } from '../schemas/recognition-round';
import type { EntryDraft } from '../schemas/recognition-entry';

/** A fictional entry of the demo round, as a team would have sent it (no install: nobody holds its receipt). */
export type DemoEntry = Omit<EntryDraft, 'installId' | 'roundId'> & { submittedOn: string };

const acknowledged = (weight: number): Criterion => ({
  id: 'customer-acknowledged',
  name: 'The customer noticed',
  guidance: 'Did the customer say, in their own words, that things got better for them? Their words with a named source beat our paraphrase.',
  evidence: 'A quote from the customer and where they said it: an email, a review meeting, a survey answer.',
  kind: 'customer_acknowledgement',
  weight,
});

const reusable = (weight: number): Criterion => ({
  id: 'reusable-method',
  name: 'A method other teams can reuse',
  guidance: 'Could another team apply this next quarter from the description alone? Score how clear it is and how widely it applies.',
  evidence: 'The steps the team took, written so that another team could follow them.',
  kind: 'method',
  weight,
});

/** "2027 Q1": the year and quarter of a day. */
function quarterName(day: string): string {
  return `${day.slice(0, 4)} Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * The demo's recognition round, open on `today` (the company-local day the
 * server is seeded on, so a newcomer always finds it open): submissions
 * opened two weeks ago and close in three, judging takes three weeks more,
 * winners are announced a week after. It is named after the quarter of its
 * announcement ("2027 Q1" when seeded on 2026-11-23). Three categories with
 * weighted criteria, and four fictional entries already submitted.
 */
export function demoRecognition(today: string): { round: Round; entries: DemoEntry[] } {
  const submissionCloses = addDays(today, 21);
  const judgingEnds = addDays(submissionCloses, 21);
  const announceOn = addDays(judgingEnds, 7);
  const name = quarterName(announceOn);
  const round: Round = {
    id: name.toLowerCase().replace(' ', '-'),
    name,
    submissionOpens: addDays(today, -14),
    submissionCloses,
    judgingEnds,
    announceOn,
    categories: [
      {
        id: 'faster-for-the-customer',
        name: 'Faster for the customer',
        description: 'The customer waits less: for service, for delivery, for an answer or for a fix.',
        criteria: [
          {
            id: 'less-waiting',
            name: 'How much less the customer waits',
            guidance: 'Compare the wait before and after, measured the same way and from the customer’s side. Large, lasting reductions score higher than one good week.',
            evidence: 'Before and after figures of the customer’s wait: lead time, time to service, time to an answer.',
            kind: 'outcome',
            weight: 5,
          },
          reusable(3),
          acknowledged(2),
        ],
      },
      {
        id: 'fewer-customer-problems',
        name: 'Fewer customer problems',
        description: 'Customers run into fewer defects, errors, returns or complaints.',
        criteria: [
          {
            id: 'fewer-problems',
            name: 'How many fewer problems customers report',
            guidance: 'Compare customer-reported problems over comparable periods before and after. Problems removed count; problems hidden or reclassified do not.',
            evidence: 'Counts of customer-reported bugs, returns or complaints, before and after, over the same length of time.',
            kind: 'outcome',
            weight: 5,
          },
          {
            id: 'root-cause',
            name: 'The cause was removed, not worked around',
            guidance: 'Did the team find why the problem happened and change that, so it stays gone?',
            evidence: 'What caused the problem, what was changed, and figures from at least two months after.',
            kind: 'method',
            weight: 3,
          },
          acknowledged(2),
        ],
      },
      {
        id: 'customer-savings',
        name: 'Customer savings',
        description: 'The customer spends less money, time or material because of what we changed.',
        criteria: [
          {
            id: 'money-saved',
            name: 'What the customer saves',
            guidance: 'Savings the customer would agree with, counted on their side. Recurring savings score higher than one-off ones.',
            evidence: 'The customer’s cost before and after, and how it was worked out.',
            kind: 'outcome',
            weight: 5,
          },
          reusable(2),
          acknowledged(3),
        ],
      },
    ],
  };
  const entries: DemoEntry[] = [
    {
      categoryId: 'faster-for-the-customer',
      team: { name: 'Field service dispatch desk', department: 'support' },
      customer: 'Harlow Foods — plant maintenance manager',
      before: 'A broken filler line waited 8 working days on average from Harlow’s call to a technician on site (40 calls, last quarter).',
      after: 'Half a working day on average since June (52 calls): a 16X reduction in the customer’s time for service.',
      method:
        'Dispatch stopped waiting for the weekly route plan. Each call is matched the same hour to the nearest technician with the right certification, and the parts most often needed travel in every van. The matching sheet and the van parts list are shared on the intranet.',
      acknowledgement: { quote: 'Your technician was here before our shift ended. That used to take us two weeks of phone calls.', source: 'Email from Harlow’s plant maintenance manager, 14 August' },
      selfCheck: [
        { criterionId: 'less-waiting', status: 'met', note: '8 days → 0.5 days, same measure, two quarters.' },
        { criterionId: 'reusable-method', status: 'met', note: 'Sheet and parts list published.' },
        { criterionId: 'customer-acknowledged', status: 'met' },
      ],
      submittedOn: addDays(today, -12),
    },
    {
      categoryId: 'faster-for-the-customer',
      team: { name: 'Line 4 maintenance crew', department: 'manufacturing' },
      customer: 'Kestrel Aerospace — purchasing lead',
      before: 'A replacement bracket took 5 days from order to dispatch: the line had to be re-tooled for every small order.',
      after: '5 hours from order to dispatch: a 10X reduction in lead time, from 5 days to 5 hours.',
      method:
        'The crew built a quick-change fixture so small orders run between large batches without re-tooling, and keeps the fixture settings for each bracket on a card at the machine.',
      selfCheck: [
        { criterionId: 'less-waiting', status: 'met', note: 'Lead time measured on 30 orders before and 30 after.' },
        { criterionId: 'reusable-method', status: 'partly', note: 'The fixture drawing is not written up yet.' },
        { criterionId: 'customer-acknowledged', status: 'not_yet', note: 'Asking Kestrel for a quote at the next review.' },
      ],
      submittedOn: addDays(today, -9),
    },
    {
      categoryId: 'customer-savings',
      team: { name: 'Logistics planning team', department: 'operations' },
      customer: 'Orchard Grocers — head of supply chain',
      before: 'Orchard paid about $3.4M a month in expedited freight and spoiled stock on our deliveries, because our trucks arrived outside their receiving windows.',
      after: 'About $2.4M a month since our deliveries were planned around their windows: $1M savings monthly to the customer.',
      method:
        'We asked Orchard for their receiving windows per store and planned routes backwards from them instead of from our depot. Orchard’s own finance team agreed how the savings are counted.',
      acknowledgement: { quote: 'This is the first supplier change that showed up on my P&L in the same month.', source: 'Quarterly business review with Orchard, September' },
      selfCheck: [
        { criterionId: 'money-saved', status: 'met', note: 'Figures from Orchard’s finance team.' },
        { criterionId: 'reusable-method', status: 'met' },
        { criterionId: 'customer-acknowledged', status: 'met' },
      ],
      submittedOn: addDays(today, -5),
    },
    {
      categoryId: 'fewer-customer-problems',
      team: { name: 'Billing portal squad', department: 'engineering' },
      customer: 'Calder County Schools — accounts payable clerk',
      before: '48 customer-reported bugs a month in the billing portal, most about invoices that did not match purchase orders.',
      after: '12 a month over the last three months: a 75% reduction in customer-reported bugs.',
      method:
        'The squad read every bug report of one month with support, grouped them by cause, and fixed the three causes behind most of them first: rounding, purchase-order references and duplicate invoices.',
      acknowledgement: { quote: 'I have not had to call you about an invoice since spring.', source: 'Support call with Calder County Schools, 2 October' },
      selfCheck: [
        { criterionId: 'fewer-problems', status: 'met', note: '48 → 12 a month, three months after.' },
        { criterionId: 'root-cause', status: 'met', note: 'Three causes fixed, listed in the entry.' },
        { criterionId: 'customer-acknowledged', status: 'partly', note: 'One customer so far.' },
      ],
      submittedOn: addDays(today, -2),
    },
  ];
  return { round, entries };
}
