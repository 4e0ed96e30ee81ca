import { outlook } from '../../../extension/sites/outlook';
import { describeSiteAdapter } from '../../support/describe-site-adapter';

describeSiteAdapter(outlook, {
  meetingUrl: 'https://outlook.office.com/calendar/deeplink/compose',
  otherUrl: 'https://outlook.office.com/mail/inbox',
  targetLabel: 'Event body',
});
