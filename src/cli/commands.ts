// The table of commands. Each entry loads its module lazily.
import { registerCommand } from './main.ts';

registerCommand('help', async () => ({ summary: 'deze hulp', run: async () => 0 }));
