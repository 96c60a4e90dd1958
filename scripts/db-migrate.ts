import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/open-database';

// npm run db:migrate — applies the committed migrations to DATABASE_URL (or the embedded database) and exits.
const config = loadConfig();
const { close } = await openDatabase(config, console);
await close();
console.log('migrations applied');
