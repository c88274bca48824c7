// The popup's first script, loaded with a plain `<script src>` at the top of its head (built on its own by
// scripts/classicScript.ts): it reads the published status and asks the background for the fresh one while
// the rest of the popup loads.
import { nativeBrowser, startEarlyRequests } from './earlyRequests';

startEarlyRequests(nativeBrowser);
