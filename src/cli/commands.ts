// The table of commands. Each entry loads its module lazily.
import { registerCommand } from './main.ts';

registerCommand('start', async () => (await import('./start.ts')).startCommand);
registerCommand('worker', async () => (await import('./start.ts')).workerCommand);
registerCommand('web', async () => (await import('./start.ts')).webCommand);
registerCommand('classify', async () => (await import('./classify.ts')).command);
registerCommand('evaluate', async () => (await import('./evaluate.ts')).command);
registerCommand('config', async () => (await import('./config.ts')).command);
