import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppDeps } from '../deps';
import { corsHeaders } from '../middleware/extension-cors';
import { enrollmentKeyCheck } from '../middleware/require-enrollment-key';
import { logTime } from '../middleware/request-log';
import { announcementMayBeDue } from '../recognition/announce-when-due';
import { securityHeaderSets } from '../middleware/security-headers';
import { getRenderedContent, ifNoneMatchHits } from '../storage/queries/get-rendered-content';
import { CONTENT_PATH, contentCacheHeaders } from './content-cache-headers';

/**
 * Answers a request itself and says so, or leaves it alone (false) for the
 * app: at once when the request alone tells, else once the database has
 * answered (a promise).
 */
export type NodeShortcut = (incoming: IncomingMessage, outgoing: ServerResponse) => boolean | Promise<boolean>;

/**
 * An extension's sync that finds nothing new — `GET /api/v1/content` whose
 * If-None-Match names the current version — is most of what the server
 * ever answers: every install asks, all day. This answers exactly that
 * request straight on Node's request, before the app is reached: the
 * enrollment key checked as `requireEnrollmentKey` does, the 304 with the
 * very headers the app would send (security, CORS, ETag; worked out once
 * per version), and a request-log line like every other request's. The
 * current version is the database's (getContentVersion: SQLite's from
 * memory, checked against `data_version`; PostgreSQL's read each time), so
 * every instance answers a sync the same way.
 *
 * Anything else — another path or method, a query string, no or an old
 * ETag, winners that may be due for announcement (announcementMayBeDue), a wrong key, a response that must wait behind a pipelined one —
 * goes to the app, which answers it the same way, only slower (so does a
 * request the database could not answer).
 */
export function unchangedContentShortcut({ storage, config, clock, logRequest }: AppDeps): NodeShortcut {
  // A wrong key is left to the app, whose requireEnrollmentKey counts it as a guess; the right one costs what it did.
  const presentsKey = enrollmentKeyCheck(config.enrollmentKey);
  const cors = corsHeaders(config.extensionIds);
  let security: Record<string, string> | undefined;
  void securityHeaderSets.then((sets) => (security = sets.api));
  // The current version's own headers, and the whole set for a request without an extension origin.
  let answer: { etag: string; own: Record<string, string>; headers: Record<string, string> } | undefined;

  function answerUnchanged(incoming: IncomingMessage, outgoing: ServerResponse, etag: string, started: number, time: string | undefined) {
    const socket = outgoing.socket!;
    const writtenBefore = socket.bytesWritten;
    if (answer?.etag !== etag) {
      const own = contentCacheHeaders(etag);
      answer = { etag, own, headers: Object.assign({}, security, cors(undefined), own) };
    }
    const { origin } = incoming.headers;
    // Object.assign, not spread: V8 spreads these header objects ten times slower, a cost that shows here.
    outgoing.writeHead(304, origin === undefined ? answer.headers : Object.assign({}, security, cors(origin), answer.own));
    outgoing.end();
    if (time && logRequest) {
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      logRequest({ time, method: 'GET', route: CONTENT_PATH, status: 304, durationMs, bytes: socket.bytesWritten - writtenBefore });
    }
  }

  return function unchangedContent(incoming, outgoing) {
    if (incoming.url !== CONTENT_PATH || incoming.method !== 'GET') return false;
    const { headers } = incoming;
    const ifNoneMatch = headers['if-none-match'];
    if (ifNoneMatch === undefined || !security || !outgoing.socket || !presentsKey(headers.authorization)) return false;
    // Winners may be due for announcement (their stories not made yet): the app's route makes them first.
    if (announcementMayBeDue(storage, clock.now().getTime())) return false;
    const time = logRequest && logTime(clock);
    const started = performance.now();
    return getRenderedContent(storage, config.timezone).then((content) => {
      if (!content || !ifNoneMatchHits(ifNoneMatch, content.etag) || !outgoing.socket) return false;
      answerUnchanged(incoming, outgoing, content.etag, started, time);
      return true;
    });
  };
}
