import '../../assets/theme.css';
import './voice.css';
import { mountVoicePage } from '../../components/voice/voice-page';

// zod is told not to compile code (extension pages forbid eval) by /zod-jitless.js, which the HTML runs first.
void mountVoicePage(document.getElementById('app')!, { fetch: (...args) => fetch(...args), now: () => new Date() });
