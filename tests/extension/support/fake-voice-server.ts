import { toApiIssues, type ApiError } from '../../../shared/src/schemas/api-error';
import { LIMITS } from '../../../shared/src/schemas/limits';
import { VoiceDraftSchema, VoiceStatusSchema, type VoiceDraft, type VoiceStatus } from '../../../shared/src/schemas/voice';

type StoredVoice = { id: string; draft: VoiceDraft; receipt: string; status: Omit<VoiceStatus, 'messageId' | 'kind' | 'submittedAt'> };

const error = (status: number, code: ApiError['error']['code'], message: string, issues?: ApiError['error']['issues']) =>
  new Response(JSON.stringify({ error: { code, message, ...(issues && { issues }) } } satisfies ApiError), { status, headers: { 'Content-Type': 'application/json' } });
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/**
 * A stand-in for the server's two voice routes as the shared schemas describe
 * them: POST /api/v1/voice (validated with VoiceDraftSchema, limited per
 * sender key) and GET /api/v1/voice/:id with X-Voice-Receipt.
 */
export function fakeVoiceServer() {
  const messages = new Map<string, StoredVoice>();
  const requests: { method: string; url: string; headers: Record<string, string>; body?: unknown }[] = [];
  const sentBy = new Map<string, number>();
  let offline = false;
  let count = 0;

  async function handle(url: URL, init: RequestInit): Promise<Response> {
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    requests.push({ method, url: url.href, headers, body });
    if (method === 'POST' && url.pathname === '/api/v1/voice') {
      const parsed = VoiceDraftSchema.safeParse(body);
      if (!parsed.success) {
        const issues = toApiIssues(parsed.error);
        return error(400, 'invalid_request', `${issues[0]!.path}: ${issues[0]!.message}`, issues);
      }
      const sent = sentBy.get(parsed.data.senderKey) ?? 0;
      if (sent >= LIMITS.voicePerInstallPerDay) return error(429, 'rate_limited', `This browser has sent ${LIMITS.voicePerInstallPerDay} messages today, the most one browser may send in a day. Try again tomorrow.`);
      sentBy.set(parsed.data.senderKey, sent + 1);
      const id = `v-${String(++count).padStart(12, 'a')}`;
      const receipt = `receipt-${id}-${'x'.repeat(32)}`;
      messages.set(id, { id, draft: parsed.data, receipt, status: { status: 'new', reason: null, reply: null, shared: null, becameStory: false } });
      return json(201, { messageId: id, receipt });
    }
    const match = /^\/api\/v1\/voice\/([^/]+)$/.exec(url.pathname);
    if (method === 'GET' && match) {
      const message = messages.get(decodeURIComponent(match[1]!));
      if (!message || headers['x-voice-receipt'] !== message.receipt) return error(404, 'not_found', 'There is no such message.');
      return json(200, VoiceStatusSchema.parse({ messageId: message.id, kind: message.draft.kind, submittedAt: '2026-12-02T10:00:00.000Z', ...message.status }));
    }
    return error(404, 'not_found', `No route ${method} ${url.pathname}.`);
  }

  return {
    fetch: (async (input: URL | string, init: RequestInit = {}) => {
      if (offline) throw new TypeError('Failed to fetch');
      return handle(new URL(String(input)), init);
    }) as typeof fetch,
    requests,
    messages,
    setOffline(value: boolean) {
      offline = value;
    },
    /** What the CX team made of a message. */
    answer(messageId: string, status: Partial<StoredVoice['status']>) {
      const message = messages.get(messageId)!;
      message.status = { ...message.status, ...status };
    },
    /** A message as if sent earlier from this browser (the receipt to keep). */
    seed(draft: VoiceDraft, status: Partial<StoredVoice['status']> = {}) {
      const id = `v-${String(++count).padStart(12, 'a')}`;
      const receipt = `receipt-${id}-${'x'.repeat(32)}`;
      messages.set(id, { id, draft, receipt, status: { status: 'new', reason: null, reply: null, shared: null, becameStory: false, ...status } });
      return { messageId: id, receipt };
    },
  };
}
