// The local Jetstream of the stream bench, in a process of its own (bench/stream.ts starts it), so
// that making the events takes neither the consumer's core nor its memory: it pours `count` distinct post
// events into the first connection as fast as that reads them. About one post in a hundred
// concerns one of the `schools` generated schools: by name (with a context word), as a reply to
// one of its posts, or by a mention facet.
import { startFakeJetstream } from '../test/support/jetstream.ts';
import { schoolName } from './school-names.ts';

const WORDS =
  'ik jij hij we de het een van op in met voor niet wel maar ook nog al dan als dat wat die deze weer vandaag morgen leuk stom echt heel mooi weer fiets huis eten spelen voetbal game'.split(
    ' ',
  );

export function eventFrames(schools: number) {
  let s = 11;
  const r = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const base = 1_764_000_000_000_000;
  return (i: number) => {
    const words = Array.from({ length: 6 + Math.floor(r() * 20) }, () => WORDS[Math.floor(r() * WORDS.length)]!);
    const roll = r();
    const n = Math.floor(r() * schools);
    const record: Record<string, unknown> = { $type: 'app.bsky.feed.post', createdAt: '2026-12-01T10:00:00Z', langs: ['nl'] };
    if (roll < 0.005) words.splice(3, 0, 'juf', 'van', ...schoolName(n).split(' '));
    else if (roll < 0.008)
      record.reply = {
        root: { uri: `at://did:plc:school${n}/app.bsky.feed.post/x`, cid: 'c' },
        parent: { uri: `at://did:plc:school${n}/app.bsky.feed.post/x`, cid: 'c' },
      };
    else if (roll < 0.01)
      record.facets = [{ index: { byteStart: 0, byteEnd: 5 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: `did:plc:school${n}` }] }];
    record.text = `${words.join(' ')} ${i}`;
    return JSON.stringify({
      did: `did:plc:user${i % 50_000}`,
      time_us: base + i,
      kind: 'commit',
      commit: { rev: 'r', operation: 'create', collection: 'app.bsky.feed.post', rkey: `k${i}`, record, cid: 'bafy' },
    });
  };
}

// Run as `node bench/stream-server.ts COUNT SCHOOLS`: prints its address, serves until stdin closes.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [count, schools] = process.argv.slice(2).map(Number) as [number, number];
  const jet = await startFakeJetstream({ generate: { count, frame: eventFrames(schools) } });
  process.stdout.write(`${jet.url}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void jet.close().then(() => process.exit(0)));
}
