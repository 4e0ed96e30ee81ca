import { calendar } from '../../../extension/sites/calendar';
import { describeSiteAdapter } from '../../support/describe-site-adapter';

describeSiteAdapter(calendar, {
  meetingUrl: 'https://calendar.google.com/calendar/u/0/r/week',
  otherUrl: 'https://calendar.google.com/calendar/u/0/r/week',
  targetLabel: 'Description',
});
