// Integration tests cross processes and a real broker: allow them a minute each
// (testTimeout is a global Jest option, so the integration project sets it here).
jest.setTimeout(60_000);
