import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { zoom } from '../../../extension/sites/zoom';
import { describeSiteAdapter } from '../../support/describe-site-adapter';
import { loadFixture } from '../../support/load-fixture';

describeSiteAdapter(zoom, {
  meetingUrl: 'https://app.zoom.us/wc/81234567890/join?fromPWA=1',
  otherUrl: 'https://app.zoom.us/wc/home',
  targetLabel: 'Type message here ...',
});

describe('the zoom adapter, by address', () => {
  const isMeeting = (href: string) => zoom.isMeetingPage(document, new URL(href));

  it.each([
    'https://app.zoom.us/wc/81234567890/join?fromPWA=1',
    'https://app.zoom.us/wc/81234567890/start',
    'https://us02web.zoom.us/wc/join/81234567890?pwd=abc',
    'https://app.zoom.us/wc/join/812345678',
    'https://app.zoom.us/wc/my/jane.doe',
    'https://zoom.us/wc/my/cx-lead?pwd=x',
  ])('%s is a meeting', (href) => expect(isMeeting(href)).toBe(true));

  it.each([
    'https://app.zoom.us/wc/home',
    'https://app.zoom.us/wc/',
    'https://app.zoom.us/wc/join',
    'https://app.zoom.us/wc/my/',
    'https://app.zoom.us/wc/81234567890/leave',
  ])('%s is not a meeting', (href) => expect(isMeeting(href)).toBe(false));

  it('names a meeting the same in both id forms, and a personal link by its name', () => {
    const key = (href: string) => zoom.meetingKey(new URL(href));
    expect(key('https://app.zoom.us/wc/join/81234567890')).toBe(key('https://app.zoom.us/wc/81234567890/join?fromPWA=1'));
    expect(key('https://app.zoom.us/wc/my/jane.doe')).toBe('zoom:my/jane.doe');
  });
});

describe('the zoom adapter, with the meeting in iframe#webclient', () => {
  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  /** The web client shell in the top frame, the meeting page (zoom.html) in its same-origin frame. */
  function loadWebClient(): HTMLIFrameElement {
    loadFixture('zoom-webclient');
    const frame = document.querySelector<HTMLIFrameElement>('iframe#webclient')!;
    frame.srcdoc = readFileSync(join(process.cwd(), 'tests/extension/fixtures/zoom.html'), 'utf8').replace(/<script[^>]*><\/script>/g, '');
    return frame;
  }

  it('finds the chat editor inside the frame, as an element of the frame’s document', () => {
    const frame = loadWebClient();
    expect(zoom.isMeetingPage(document, new URL('https://app.zoom.us/wc/81234567890/join?fromPWA=1'))).toBe(true);
    const target = zoom.findInsertTarget(document);
    expect(target?.getAttribute('aria-label')).toBe('Type message here ...');
    expect(target?.classList.contains('ProseMirror')).toBe(true);
    expect(target?.ownerDocument).toBe(frame.contentDocument);
    expect(target?.ownerDocument).not.toBe(document);
  });

  it('finds nothing while the frame has no chat open', () => {
    const frame = loadWebClient();
    frame.contentDocument!.querySelector('.chat-container')!.remove();
    expect(zoom.findInsertTarget(document)).toBeUndefined();
  });
});
