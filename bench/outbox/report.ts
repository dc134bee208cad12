import { columns as table, ms, num } from '../shared/format';
import type { BenchConfig } from './config';
import type { Distribution } from './metrics';
import type { PhaseResult } from './phase';

export interface TargetCheck {
  name: string;
  value: number;
  target: string;
  met: boolean;
  detail: string;
}

const isOutbox = (r: PhaseResult) => r.path.startsWith('outbox');

/** The targets: outbox ≥ 50% of raw throughput (max mode); outbox p99 < 200 ms at the paced rate. */
export function checkTargets(results: PhaseResult[], c: BenchConfig): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const rawMax = results.find((r) => r.mode === 'max' && r.path === 'raw');
  const outMax = results.find((r) => r.mode === 'max' && isOutbox(r));
  if (rawMax && outMax) {
    const ratio = outMax.eventsPerS / rawMax.eventsPerS;
    const complete = rawMax.complete && outMax.complete;
    checks.push({
      name: 'outbox/raw throughput (max mode)',
      value: ratio,
      target: '>= 0.50',
      met: complete && ratio >= 0.5,
      detail: `${num(outMax.eventsPerS)} / ${num(rawMax.eventsPerS)} events/s${complete ? '' : ' (a phase did not complete)'}`,
    });
  }
  const outDrain = results.find((r) => r.mode === 'drain' && isOutbox(r));
  if (rawMax && outDrain) {
    const ratio = outDrain.eventsPerS / rawMax.eventsPerS;
    const complete = rawMax.complete && outDrain.complete;
    checks.push({
      name: 'outbox drain/raw throughput (committed events → consumer)',
      value: ratio,
      target: '>= 0.50',
      met: complete && ratio >= 0.5,
      detail: `${num(outDrain.eventsPerS)} / ${num(rawMax.eventsPerS)} events/s${complete ? '' : ' (a phase did not complete)'}`,
    });
  }
  const single = results.find((r) => r.mode === 'max' && r.path === 'raw-single');
  if (single && outMax) {
    checks.push({
      name: 'outbox/raw-single throughput (info)',
      value: outMax.eventsPerS / single.eventsPerS,
      target: '(no target)',
      met: true,
      detail: `${num(outMax.eventsPerS)} / ${num(single.eventsPerS)} events/s`,
    });
  }
  const outPaced = results.find((r) => r.mode === 'paced' && isOutbox(r));
  if (outPaced) {
    const p99 = outPaced.latencyMs.p99;
    const atRate = Math.abs(outPaced.inputPerS - c.rate) / c.rate < 0.05;
    checks.push({
      name: `outbox p99 commit->consume at ${c.rate}/s`,
      value: p99,
      target: '< 200 ms',
      met: outPaced.complete && p99 < 200 && c.rate >= 500 && atRate,
      detail:
        `input ${num(outPaced.inputPerS)}/s, ${outPaced.consumed}/${outPaced.events} consumed` +
        (c.rate < 500 ? ' (rate below the 500/s of the target)' : '') +
        (atRate ? '' : ' (writers did not sustain the rate)'),
    });
  }
  return checks;
}

const dist = (d: Distribution) => `${ms(d.p50)} / ${ms(d.p99)} / ${ms(d.max)}`;

export function formatReport(results: PhaseResult[], checks: TargetCheck[], c: BenchConfig): string {
  const out: string[] = [];
  out.push(
    table(
      ['mode', 'path', 'events', 'events/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'ratio', 'notes'],
      results.map((r) => {
        const raw = results.find((x) => x.mode === (r.mode === 'drain' ? 'max' : r.mode) && x.path === 'raw');
        const ratio = r.path !== 'raw' && raw ? num(r.eventsPerS / raw.eventsPerS, 2) : '';
        return [
          r.mode === 'paced' ? `paced ${c.rate}/s` : r.mode,
          r.path,
          r.complete ? String(r.events) : `${r.consumed}/${r.events}`,
          num(r.eventsPerS),
          ms(r.latencyMs.p50),
          ms(r.latencyMs.p95),
          ms(r.latencyMs.p99),
          ms(r.latencyMs.max),
          ratio,
          [r.errors ? `${r.errors} errors` : '', ...r.notes].filter(Boolean).join('; '),
        ];
      }),
      [false, false, true, true, true, true, true, true, true, false],
    ),
  );
  out.push('');
  out.push('targets');
  for (const t of checks) {
    const v = t.name.includes('p99') ? `${ms(t.value)} ms` : num(t.value, 2);
    out.push(`  ${t.name.padEnd(Math.max(...checks.map((x) => x.name.length)))} ${v.padStart(9)}  target ${t.target.padEnd(11)} ${t.target === '(no target)' ? '     ' : t.met ? 'MET  ' : 'MISSED'}  ${t.detail}`);
  }
  out.push('');
  out.push('where the time goes (start = send called / commit acknowledged; acked = Kafka acknowledged the send / the relay batch)');
  out.push(
    table(
      ['mode', 'path', 'start->acked p50/p99/max', 'acked->consumed p50/p99/max', 'handler->handled p50/p99', 'input/s', 'acked/s', 'consumed/s', 'relay batches', 'mean batch', 'empty wake-ups', 'batch ms p50/p99', 'send ms p50/p99'],
      results.map((r) => [
        r.mode,
        r.path,
        r.stagesMs ? dist(r.stagesMs.commitToPublished) : '-',
        r.stagesMs ? dist(r.stagesMs.publishedToConsumed) : '-',
        r.stagesMs?.handlerToHandled ? `${ms(r.stagesMs.handlerToHandled.p50)} / ${ms(r.stagesMs.handlerToHandled.p99)}` : '-',
        num(r.stageRates?.commits ?? NaN),
        num(r.stageRates?.published ?? NaN),
        num(r.stageRates?.consumed ?? NaN),
        String(r.relay?.batches ?? '-'),
        num(r.relay?.meanBatchSize ?? NaN, 1),
        r.relay ? `${r.relay.emptyCalls}/${r.relay.calls}` : '-',
        r.relay ? `${ms(r.relay.batchMs.p50)} / ${ms(r.relay.batchMs.p99)}` : '-',
        r.relay ? `${ms(r.relay.sendMs.p50)} / ${ms(r.relay.sendMs.p99)}` : '-',
      ]),
      [false, false, false, false, false, true, true, true, true, true, true, true, true],
    ),
  );
  out.push('');
  out.push('cpu (machine: % of all cores; the rest: % of one core; other = not this run: other tests, kernel) and event-loop delay');
  out.push(
    table(
      ['mode', 'path', 'seconds', 'machine %', 'bench %', 'postgres %', 'kafka %', 'other %', 'loop delay p99 ms'],
      results.map((r) => [
        r.mode,
        r.path,
        num(r.durationS, 1),
        num(r.cpu.machinePct),
        num(r.cpu.benchPct),
        num(r.cpu.postgresPct),
        num(r.cpu.kafkaPct),
        num(r.cpu.otherPct),
        ms(r.cpu.eventLoopDelayP99Ms),
      ]),
      [false, false, true, true, true, true, true, true, true],
    ),
  );
  return out.join('\n');
}
