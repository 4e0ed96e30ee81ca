import { zoom } from '../../../extension/sites/zoom';
import { describeSiteAdapter } from '../../support/describe-site-adapter';

describeSiteAdapter(zoom, {
  meetingUrl: 'https://app.zoom.us/wc/81234567890/join?fromPWA=1',
  otherUrl: 'https://app.zoom.us/wc/home',
  targetLabel: 'Type message here ...',
});
