import { CompanyRegistered, type CompanyRegisteredData } from '@one-window/business-registration/contracts';
import type { EventDefinition } from '@one-window/shared/messaging';
import { ServiceUnderTest, startServiceUnderTest } from '@one-window/shared/platform';
import { startEventPublisher, testTokens, uniqueName } from '@one-window/shared/testing';
import { AppModule } from '../src/app.module';
import { taxService } from '../src/service';

/**
 * The tax service in process for an e2e test, on its own database and topic prefix, with a
 * producer standing in for business registration's relay: `register(uscc, owner)` publishes
 * `registration.company.registered` onto the real broker, as a registered company would.
 */
export interface TaxUnderTest {
  svc: ServiceUnderTest;
  tokens: ReturnType<typeof testTokens>;
  topicPrefix: string;
  /** Publishes an event onto the broker under the test's topic prefix, as its owner's relay would (source: registration unless given). */
  publish<T>(def: EventDefinition<T>, aggregateId: string, data: T, id?: string, source?: string): Promise<string>;
  register(uscc: string, ownerId: string, divisionCode?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTaxUnderTest(env: Record<string, string> = {}, o: { tokens?: ReturnType<typeof testTokens> } = {}): Promise<TaxUnderTest> {
  const tokens = o.tokens ?? testTokens();
  const topicPrefix = `${uniqueName('t', '-')}.`;
  const publisher = await startEventPublisher({ topicPrefix, topics: [CompanyRegistered.topic], source: '/one-window/business-registration' });
  const svc = await startServiceUnderTest(taxService, AppModule, { tokens, env: { KAFKA_TOPIC_PREFIX: topicPrefix, ...env } });

  async function publish<T>(def: EventDefinition<T>, aggregateId: string, data: T, id?: string, source?: string): Promise<string> {
    return (await publisher.publish(def, aggregateId, data, { ...(id ? { id } : {}), ...(source ? { source } : {}) })).id;
  }

  return {
    svc,
    tokens,
    topicPrefix,
    publish,
    register: (uscc, ownerId, divisionCode = '440104') =>
      publish<CompanyRegisteredData>(CompanyRegistered, uscc, {
        ...CompanyRegistered.example,
        uscc,
        applicantId: ownerId,
        domicile: { standardAddressId: 'GZ-ADDR-0001', divisionCode, text: '广州市示例路1号' },
      }),
    close: async () => {
      await publisher.close();
      await svc.close();
      tokens.cleanup();
    },
  };
}
