// One definition of "reachable without a token", shared with the http lib's health routes.
export { IS_PUBLIC_KEY, Public } from '@one-window/shared/http';
