/**
 * Importing this module registers every feature's jobs. The bot and `pbb jobs` import it;
 * a feature adds its job module here with one line.
 */
import "./reports/quarter-summary.ts";
import "./lecture/index.ts";
import "./tasklist/index.ts";
