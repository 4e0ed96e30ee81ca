import { teams } from '../../../extension/sites/teams';
import { describeSiteAdapter } from '../../support/describe-site-adapter';

describeSiteAdapter(teams, {
  meetingUrl: 'https://teams.microsoft.com/v2/',
  otherUrl: 'https://teams.microsoft.com/v2/',
  targetLabel: 'Type a message',
});
