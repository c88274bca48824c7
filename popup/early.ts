// The popup's first script, loaded with a plain `<script src>` at the top of its head (built on its own by
// scripts/classicScript.ts): it asks the background for the status while the rest of the popup loads.
import { nativeRuntime, startEarlyRequests } from './earlyRequests';

startEarlyRequests(nativeRuntime);
