const { transition, initialTransition, createActor } = require('xstate');
const { loadEngine } = require('./dist/src/flows/engine');
const { runEvent } = require('./dist/src/flows/compile');
const engine = loadEngine(require('path').resolve('.'));
const key = [...engine.machines.keys()].find(k=>k.includes('agreements'));
const m = engine.machines.get(key); const flow = engine.flow(key);
const [s0, a0] = initialTransition(m, { ageBand: null });
console.log('init', s0.value, a0.map(a=>a.type));
const step = flow.steps.find(s=>s.id===s0.value);
console.log(step.kind, step.options?.map(o=>o.value));
const [s1, a1] = transition(m, s0, { type: 'ANSWER', value: step.options ? step.options[0].value : 'continue' });
console.log('next', s1.value, JSON.stringify(a1.map(a=>({type:a.type, params:a.params}))).slice(0,500));
const r = runEvent(m, s0, { ageBand: null }, { type: 'ANSWER', value: step.options ? step.options[0].value : 'continue' });
console.log('runEvent', r.snapshot.value, JSON.stringify(r.effects), JSON.stringify(r.persisted).slice(0,300));
console.log('pure persisted', JSON.stringify(m.getPersistedSnapshot(s1)).slice(0,300));
function t(name,f,n=3000){for(let i=0;i<300;i++)f();const a=performance.now();for(let i=0;i<n;i++)f();console.log(name,((performance.now()-a)*1000/n).toFixed(1),'µs');}
t('runEvent', ()=>runEvent(m, s0, { ageBand: null }, { type: 'ANSWER', value: 'continue' }));
t('transition+persist', ()=>{const [s]=transition(m, s0, { type: 'ANSWER', value: 'continue' }); m.getPersistedSnapshot(s);});
t('resolveState', ()=>m.resolveState({ value: s0.value, context: s0.context }));
