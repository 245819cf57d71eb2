#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { loadEngine } from '../flows/engine';
import { toMermaid } from '../flows/graph';
import { AgeBand, Locale, Persona } from '../flows/schema';
import { ROOT } from '../paths';
import { lintFlows } from './lint';

const USAGE = `Usage: lotsen <command>

  flows lint                         check flows, content and translations; print readability
  flows diagram <persona/module>     print a module as a Mermaid state diagram
  flows test [persona/module] [--coverage] [--min-coverage N] [--junit FILE] [--json]
                                     run the transcript tests; what they leave unreached
  chat [--persona parent] [--locale sv] [--age-band 9-12] [--module base]
                                     walk the flows in the terminal
  codes create --municipality demo --persona parent [--age-band 9-12] [--count 10] [--expires-days 365] [--label text]
  codes revoke <code>
  municipality add --id demo --name "Demo kommun" [--phone "010-123 45 67"]
  staff add --municipality demo --role admin|staff --username name
                                     prints the password once; usernames do not depend on case
  staff disable --username name      the account can no longer sign in; its console sessions end
  staff reset-password --username name
                                     prints a new password once; the account's console sessions end
  purge [--inactive-days N] [--audit-days N]
                                     delete conversations inactive longer than N days; audit entries older than N days
`;

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (command === 'flows' && sub === 'lint') return lintFlows(ROOT);
  if (command === 'flows' && sub === 'diagram') {
    const key = rest[0];
    const engine = loadEngine(ROOT);
    const flow = key ? (engine.flow(key) ?? engine.flow(`parent/${key}`)) : undefined;
    if (!flow) {
      console.error(`No module "${key ?? ''}". Known: ${[...engine.catalog.flows.keys()].join(', ')}`);
      return 2;
    }
    console.log(toMermaid(flow));
    return 0;
  }
  if (command === 'flows' && sub === 'test') {
    const { flowsTest } = await import('./flowtests.js');
    return flowsTest(rest, ROOT);
  }
  if (command === 'chat') {
    const { values } = parseArgs({
      args: [sub, ...rest].filter((a): a is string => a !== undefined),
      options: { persona: { type: 'string', default: 'parent' }, locale: { type: 'string', default: 'sv' }, 'age-band': { type: 'string' }, module: { type: 'string' } },
    });
    const persona = Persona.parse(values.persona);
    const profile = { persona, locale: Locale.parse(values.locale), ageBand: persona === 'child-next' ? AgeBand.parse(values['age-band'] ?? '9-12') : null };
    const { terminalChat, terminalDeps } = await import('./chat.js');
    await terminalChat(terminalDeps({ engine: loadEngine(ROOT) }), profile, values.module);
    return 0;
  }
  const { runAdminCommand } = await import('./admin.js');
  const handled = await runAdminCommand(argv);
  if (handled !== null) return handled;
  console.error(USAGE);
  return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
