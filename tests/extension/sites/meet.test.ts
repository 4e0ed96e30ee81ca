import { meet } from '../../../extension/sites/meet';
import { describeSiteAdapter } from '../../support/describe-site-adapter';

describeSiteAdapter(meet, {
  meetingUrl: 'https://meet.google.com/abc-defg-hij',
  otherUrl: 'https://meet.google.com/landing',
  targetLabel: 'Send a message',
});
