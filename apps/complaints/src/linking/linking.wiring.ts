import { DuplicateProbeReader, MergeNotificationRepository, TicketLinkRepository, TicketMergeRepository } from '@one-window/complaints/data-access';
import { MergesController, TicketLinksController } from './linking.controller';
import { LinkingDesk } from './linking-desk';

export const LINKING_CONTROLLERS = [TicketLinksController, MergesController];
export const LINKING_PROVIDERS = [TicketLinkRepository, TicketMergeRepository, MergeNotificationRepository, DuplicateProbeReader, LinkingDesk];
