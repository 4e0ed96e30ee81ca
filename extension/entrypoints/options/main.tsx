import { render } from 'preact';
import '../../assets/theme.css';
import './options.css';
import { OptionsPage } from '../../components/options-page';

render(<OptionsPage />, document.getElementById('app')!);
