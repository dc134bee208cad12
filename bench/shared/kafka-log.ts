import type { KafkaSettings } from '@one-window/shared/messaging';

/** What kafkajs logged during a run (it goes into the JSON). */
export interface KafkaLog {
  warnings: number;
  errors: number;
  /** The first 20 warnings and errors. */
  samples: string[];
}

/** A kafkajs log sink (createKafka's `log`) that counts warnings and errors into `kafkaLog` instead of printing them. */
export function kafkaLogCollector(): { kafkaLog: KafkaLog; sink: NonNullable<KafkaSettings['log']> } {
  const kafkaLog: KafkaLog = { warnings: 0, errors: 0, samples: [] };
  return {
    kafkaLog,
    sink: (level, message, extra) => {
      if (level === 'warn') kafkaLog.warnings++;
      if (level === 'error') kafkaLog.errors++;
      if ((level === 'warn' || level === 'error') && kafkaLog.samples.length < 20) kafkaLog.samples.push(`${level}: ${message} ${extra['error'] ?? ''}`.trim());
    },
  };
}
