import { config as zodConfig } from 'zod';
import '../../assets/theme.css';
import './nominate.css';
import { mountNominatePage } from '../../components/nominate/nominate-page';

// Extension pages forbid eval; tell zod up front instead of letting it probe.
zodConfig({ jitless: true });

void mountNominatePage(document.getElementById('app')!, { fetch: (...args) => fetch(...args), now: () => new Date() });
