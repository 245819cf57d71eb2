import { streamFrame } from '../../src/channel/directline/routes';

const activity = (seq: number, text: string) => ({ type: 'message', id: `c|${String(seq).padStart(7, '0')}`, text, channelData: { key: 'k' } });

test('a stream frame built from stored JSON is the same JSON as the frame serialized whole', () => {
  const list = [
    { seq: 4, activity: activity(4, 'Hej "du" \u2028 <b>'), json: JSON.stringify(activity(4, 'Hej "du" \u2028 <b>')) },
    // An activity without its JSON (not from the store) is serialized on the spot.
    { seq: 5, activity: activity(5, 'مرحبا') },
  ];
  const frame = streamFrame(list, 5);
  expect(frame).toBe(JSON.stringify({ activities: list.map((a) => a.activity), watermark: '5' }));
  expect(JSON.parse(frame)).toEqual({ activities: [activity(4, 'Hej "du" \u2028 <b>'), activity(5, 'مرحبا')], watermark: '5' });
});
