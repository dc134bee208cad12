declare module 'swagger-ui-dist' {
  /** Folder holding swagger-ui-bundle.js, swagger-ui.css and the rest of the UI's static files. */
  export function absolutePath(): string;
}
