import { stateDiagrams, stateDiagramsMarkdown, STATE_MACHINES } from './diagrams';
import * as api from './index';

describe('docs diagrams', () => {
  it('renders every machine as stateDiagram-v2', () => {
    const diagrams = stateDiagrams();
    expect(Object.keys(diagrams)).toEqual(Object.keys(STATE_MACHINES));
    for (const d of Object.values(diagrams)) expect(d).toMatch(/^stateDiagram-v2\n/);
    expect(diagrams['name-reservation']).toContain('[*] --> RESERVED : reserve (applicant)');
    expect(diagrams.application).toContain('SUPPLEMENT_REQUESTED --> UNDER_REVIEW : resubmit (applicant), back to prior');
    expect(stateDiagramsMarkdown()).toContain('```mermaid\nstateDiagram-v2');
  });

  it('the public API exposes the aggregates and the error root', () => {
    for (const name of ['NameReservation', 'Application', 'SetupBundle', 'SealMakerRotation', 'AbnormalListing', 'Deregistration', 'MarketEntity', 'RegistrationError', 'transition']) {
      expect(api).toHaveProperty(name);
    }
  });
});
