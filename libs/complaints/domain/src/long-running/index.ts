export * from './long-running-issue';
