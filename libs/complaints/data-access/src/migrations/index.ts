import { ComplaintsTables1792000000000 } from './1792000000000-complaints-tables';
import { Open311Tables1792100000000 } from './1792100000000-open311-tables';
import { KnowledgeAndHistory1792200000000 } from './1792200000000-knowledge-and-history';
import { SupervisionAndEscalations1792300000000 } from './1792300000000-supervision-and-escalations';
import { OutageNotices1792400000000 } from './1792400000000-outage-notices';
import { TicketDistrict1792500000000 } from './1792500000000-ticket-district';
import { TicketUpdatedAtIndex1792600000000 } from './1792600000000-ticket-updated-at-index';
import { MarketEntityDirectory1792700000000 } from './1792700000000-market-entity-directory';

export const COMPLAINTS_MIGRATIONS = [ComplaintsTables1792000000000, Open311Tables1792100000000, KnowledgeAndHistory1792200000000, SupervisionAndEscalations1792300000000, OutageNotices1792400000000, TicketDistrict1792500000000, TicketUpdatedAtIndex1792600000000, MarketEntityDirectory1792700000000];
