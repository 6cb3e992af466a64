/** The CLI from source, for tests that run `phoenix serve` as a real process (node --import tsx). */
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
