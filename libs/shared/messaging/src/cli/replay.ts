// `npm run events:replay -- --group <consumer group> --topic <topic> <where>` with <where> one of
//   --from-beginning | --from-end | --from <ISO time, e.g. 2026-11-23T09:00:00+08:00> | --from-position '{"0":"42","1":"17"}'
// Moves the group's offsets; its next run re-reads from there. Brokers: KAFKA_BROKERS (default 127.0.0.1:9092).
import { createKafka } from '../kafka';
import { rewindConsumerGroup, RewindTarget } from '../replay/rewind';

function parse(argv: string[]): { group: string; topic: string; target: RewindTarget } {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const group = arg('--group');
  const topic = arg('--topic');
  if (!group || !topic) throw new Error('--group and --topic are required');
  if (argv.includes('--from-beginning')) return { group, topic, target: { kind: 'earliest' } };
  if (argv.includes('--from-end')) return { group, topic, target: { kind: 'latest' } };
  const from = arg('--from');
  if (from) {
    const at = new Date(from);
    if (Number.isNaN(at.getTime())) throw new Error(`--from: "${from}" is not an ISO 8601 time`);
    return { group, topic, target: { kind: 'time', at } };
  }
  const position = arg('--from-position');
  if (position) return { group, topic, target: { kind: 'position', offsets: JSON.parse(position) as Record<string, string> } };
  throw new Error('say where to start: --from-beginning, --from-end, --from <time> or --from-position <json>');
}

async function main() {
  const { group, topic, target } = parse(process.argv.slice(2));
  const kafka = createKafka({ brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','), clientId: 'one-window-replay' });
  const offsets = await rewindConsumerGroup(kafka, group, topic, target);
  console.log(`consumer group ${group} on ${topic} will read next from ${JSON.stringify(offsets)}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
