import { AUDIT_ACTIONS } from '../../src/console/audit';
import { CONSOLE_LOCALES, consoleStrings, ctDynamic, slipStrings } from '../../src/console/strings';
import { AGE_BANDS, LOCALES, PERSONAS } from '../../src/flows/schema';

// The console's strings: English has every Swedish key (checked at load), and every value the pages look up by data exists.
test('sv and en console strings and the sv/en/ar slip texts load with the same keys', () => {
  for (const l of CONSOLE_LOCALES) expect(consoleStrings(l).meta.app.length).toBeGreaterThan(0);
  for (const l of LOCALES) {
    const slip = slipStrings(l);
    expect(slip.steps).toHaveLength(3);
    expect(slip.steps[0]).toContain('{{url}}');
    for (const p of PERSONAS) expect(slip.intro[p].length).toBeGreaterThan(0);
  }
});

test('every audit action, persona, age band, language and step kind has a label in both languages', () => {
  const kinds = ['say', 'choice', 'reflect', 'dilemma', 'video', 'checkin', 'end'];
  for (const l of CONSOLE_LOCALES) {
    for (const a of AUDIT_ACTIONS) expect(ctDynamic(l, 'audit.actions', a, '')).not.toBe('');
    for (const p of PERSONAS) expect(ctDynamic(l, 'personas', p, '')).not.toBe('');
    for (const b of AGE_BANDS) expect(ctDynamic(l, 'ageBands', b, '')).not.toBe('');
    for (const x of LOCALES) expect(ctDynamic(l, 'locales', x, '')).not.toBe('');
    for (const k of kinds) expect(ctDynamic(l, 'preview.stepKinds', k, '')).not.toBe('');
  }
});
