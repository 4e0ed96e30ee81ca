import '../../assets/theme.css';
import './popup.css';
import { mountPopup } from '../../components/popup';

void mountPopup(document.getElementById('app')!);
