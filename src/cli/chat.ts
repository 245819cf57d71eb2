import { createInterface } from 'node:readline';
import { takeTurn, type DialogueDeps } from '../dialogue/core';
import { initialState, type Profile, type TurnResult, type UserInput } from '../dialogue/types';
import { detectCrisis } from '../safety/crisis';

/** `lotsen chat`: walk any flow through the dialogue core in a terminal. Buttons are chosen by number. */
export async function terminalChat(deps: DialogueDeps, profile: Profile, openModule?: string): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  let state: unknown = initialState();
  let last: TurnResult | undefined;
  const show = (result: TurnResult) => {
    for (const m of result.messages) {
      if (m.kind === 'text') console.log(`${m.role === 'adult' ? '  [adult] ' : '  '}${m.text}   \x1b[2m(${m.key})\x1b[0m`);
      else if (m.kind === 'video') console.log(`  [video] ${m.video.title} (${m.video.duration}s)   \x1b[2m(${m.key})\x1b[0m`);
      else console.log(`  [image] ${m.alt}   \x1b[2m(${m.key})\x1b[0m`);
    }
    result.actions.forEach((a, i) => console.log(`   ${i + 1}) ${a.title}`));
    if (result.progress) console.log(`  \x1b[2m${result.progress.title}: ${result.progress.position}/${result.progress.total}\x1b[0m`);
  };
  const turn = (input: UserInput) => {
    last = takeTurn(deps, profile, state, input);
    state = last.state;
    show(last);
  };
  turn({ type: 'start' });
  if (openModule) turn({ type: 'button', value: `module:${openModule}` });
  console.log('\x1b[2m(type a number to press a button, any text to write, /quit to stop)\x1b[0m');
  rl.setPrompt('> ');
  rl.prompt();
  // Reading lines as they come also works when the input is piped from a file.
  for await (const line of rl) {
    if (line.trim() === '/quit') break;
    const n = Number(line.trim());
    const action = Number.isInteger(n) && n >= 1 ? last?.actions[n - 1] : undefined;
    turn(action ? { type: 'button', value: action.value } : { type: 'text', text: line });
    rl.prompt();
  }
  rl.close();
}

export const terminalDeps = (deps: Omit<DialogueDeps, 'detectCrisis'>): DialogueDeps => ({ ...deps, detectCrisis });
