import { serve } from '@hono/node-server';
import { createServer, type RequestListener, type Server, type ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import type { AppDeps } from '../deps';
import { unchangedContentShortcut } from './unchanged-content';

/**
 * Serves the app on Node over HTTP, with the unchanged-sync shortcut in
 * front of it (see unchanged-content.ts). main.ts listens with this; tests
 * that need a real server do too.
 */
export function serveApp(app: Hono, deps: AppDeps, listen: { port: number; hostname: string }, onListening?: (info: AddressInfo) => void): Server {
  const shortcut = unchangedContentShortcut(deps);
  return serve(
    {
      fetch: app.fetch,
      ...listen,
      createServer: ((options: ServerOptions, listener: RequestListener) => {
        const server = createServer(options, (incoming, outgoing) => {
          const answered = shortcut(incoming, outgoing);
          if (answered === false) listener(incoming, outgoing);
          else if (answered !== true) {
            answered.then(
              (done) => done || listener(incoming, outgoing),
              // The database did not answer: the app says so (or answers without it).
              () => outgoing.headersSent || listener(incoming, outgoing),
            );
          }
        });
        // A client that sends its request and then closes its side (nc -N, some scripts) still gets the answer: by
        // default Node ends the socket at once, and an answer that waits on the database (PostgreSQL) would be lost.
        // Node's own flag (net's allowHalfOpen for HTTP): the socket is ended after the pending answer instead.
        (server as Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
        return server;
      }) as typeof createServer,
    },
    onListening,
  ) as Server;
}
