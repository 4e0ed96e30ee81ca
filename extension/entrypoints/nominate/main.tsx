import '../../assets/theme.css';
import './nominate.css';
import { mountNominatePage } from '../../components/nominate/nominate-page';

// zod is told not to compile code (extension pages forbid eval) by /zod-jitless.js, which the HTML runs first.
void mountNominatePage(document.getElementById('app')!, { fetch: (...args) => fetch(...args), now: () => new Date() });
