import { SchedulingTables1767312000000 } from './1767312000000-scheduling-tables';

/** Migrations a service lists (after the platform's) when it uses durable timers. */
export const SCHEDULING_MIGRATIONS = [SchedulingTables1767312000000];
