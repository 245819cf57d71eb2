import { loadConfig } from './config';
import { ensureDemo } from './demo';
import { FlowLoadError } from './flows/engine';
import { createLogger, createRuntime } from './runtime';
import { createServer } from './server';
import { startPurgeTimer } from './store/purge';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config);
  const rt = await createRuntime(config, log);
  const http = createServer(rt);
  const port = await http.listen(config.PORT, config.HOST);
  const stopPurge = startPurgeTimer(rt);
  const url = `http://localhost:${port}`;
  const lines = [``, `Lotsen is running on ${url}`];
  if (config.PUBLIC_URL) lines.push(`People open it at ${config.PUBLIC_URL}`);
  if (rt.secretCreated) lines.push(`A new server secret was written to ${config.LOTSEN_SECRET_FILE} (set LOTSEN_SECRET in production).`);
  if (config.LOTSEN_DEMO) {
    const demo = await ensureDemo(rt);
    const until = new Date(demo.expiresAt).toISOString().slice(0, 10);
    lines.push(``, `Demo municipality "${config.DEMO_MUNICIPALITY_NAME}":`);
    if (demo.expired) lines.push(`  the demo codes expired on ${until}: make new codes with the first command below`);
    else {
      lines.push(
        `  parent code:            ${demo.parent}`,
        `  child code (age 9-12):  ${demo.child}`,
        `  valid until ${until} (DEMO_CODE_DAYS=${config.DEMO_CODE_DAYS} days after they were first made)`,
      );
    }
    lines.push(
      ``,
      `More codes:        npx lotsen codes create --municipality demo --persona parent --count 10`,
      `Add a staff user:  npx lotsen staff add --municipality demo --role admin --username anna`,
      `                   then sign in at ${config.PUBLIC_URL ?? url}/console`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    stopPurge();
    await http.close();
    await rt.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof FlowLoadError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
