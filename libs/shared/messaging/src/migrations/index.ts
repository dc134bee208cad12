import { MessagingTables1763900000000 } from './1763900000000-messaging-tables';
import { OutboxStreamPosition1763900000002 } from './1763900000002-outbox-stream-position';

/** Migrations every service lists before its own. */
export const MESSAGING_MIGRATIONS = [MessagingTables1763900000000, OutboxStreamPosition1763900000002];
