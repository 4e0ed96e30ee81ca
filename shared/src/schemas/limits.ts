/**
 * Every bound on a string or list in one place, so the server, the extension
 * and the dashboard's "characters left" hints agree.
 */
export const LIMITS = {
  id: 64,
  storyTitle: 120,
  customer: 80,
  quote: 400,
  body: 2000,
  impact: 400,
  source: 120,
  tag: 32,
  tags: 10,
  promptText: 200,
  actionText: 160,
  /** Each role offers this many actions: enough to choose, few enough to do. */
  actionsPerRoleMin: 3,
  actionsPerRoleMax: 5,
  roleName: 60,
  departmentName: 80,
  headcount: 1_000_000,
  timezone: 64,
  eventsPerBatch: 500,
  /** Bytes; a larger request body is refused with 413 before it is parsed. */
  eventsBodyBytes: 256 * 1024,
  /** Bytes of an admin JSON request (a story, a prompt, a role…). */
  adminBodyBytes: 64 * 1024,
  /** Bytes of an import file (CSV or JSON); larger files are refused with 413. */
  importBodyBytes: 5 * 1024 * 1024,
  /** Rows of one story import. */
  importRows: 2000,
  /** Token labels name a CX lead in the audit log: "Ana (CX)". */
  tokenLabel: 60,
  /** Days one schedule request may cover. */
  scheduleDays: 100,
  /** Recognition rounds (issue 17): names, rubric and entries. */
  roundName: 60,
  categoryName: 80,
  categoryDescription: 600,
  categoriesPerRound: 10,
  criterionName: 80,
  criterionGuidance: 600,
  criterionEvidence: 300,
  criteriaPerCategory: 10,
  criterionWeightMax: 10,
  teamName: 80,
  entryCustomer: 120,
  entryBeforeAfter: 600,
  entryMethod: 1500,
  entryAcknowledgement: 600,
  selfCheckNote: 300,
  feedback: 1500,
  panelNote: 1000,
  /** Bytes of an entry (EntryDraft) as the extension sends it; a larger body is refused with 413. */
  entryBodyBytes: 64 * 1024,
  /** Entries one install may submit to one round. */
  entriesPerInstallPerRound: 3,
  /** Winners the chair may mark in one round (each becomes a story, scheduled one a day). */
  winnersPerRound: 30,
  /** Departments one story may credit ("Thank <department>" buttons). */
  creditsPerStory: 5,
  /** The employees' voice (issue 18): one message, short enough to read in the inbox at a glance. */
  voiceText: 1000,
  /** What a public card quotes of a message ("You said"), edited by the CX lead. */
  voiceSaid: 400,
  /** The CX team's public answer ("We did"). */
  voiceReply: 600,
  /** Why a suggestion was not adopted (shown to the sender). */
  voiceReason: 600,
  /** Days a public card may be shown on every new tab. */
  voiceCardDaysMax: 30,
  /** Messages one browser may send per company-local day; more get 429. */
  voicePerInstallPerDay: 5,
  /** Bytes of a voice message as the extension sends it; a larger body is refused with 413. */
  voiceBodyBytes: 16 * 1024,
  /** Messages the inbox lists at once (newest first). */
  voiceInboxPage: 200,
} as const;
