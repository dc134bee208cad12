import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Application, type ApplicationState, type Outcome } from '@one-window/business-registration/domain';
import { ApplicationRepository } from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { assertIfMatch } from '@one-window/shared/http';
import { ApplicationEvents } from './application-events';
import { applicationView } from './application-view';
import { NotFoundError } from './errors';

/** An application loaded for a change: the aggregate and the version it was read at. */
export interface LoadedApplication {
  readonly application: Application;
  readonly version: number;
}

/** The application as a write answers it, with the version its `ETag` is built from. */
export type VersionedApplicationView = ReturnType<typeof applicationView> & { version: number };

export function versionedView(state: ApplicationState, version: number): VersionedApplicationView {
  return { ...applicationView(state), version };
}

/**
 * Loads an application for a change, locked (FOR UPDATE) and checked against `If-Match` when the
 * client sent one, and saves it with optimistic concurrency plus its published events. Whoever may
 * not act on it gets "not found" (404), never a hint that it exists.
 */
@Injectable()
export class ApplicationAccess {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly events: ApplicationEvents,
  ) {}

  /** For an officer of the application's registration authority. */
  forOfficer(tx: EntityManager, id: string, who: Principal, ifMatch?: string): Promise<LoadedApplication> {
    return this.load(tx, id, ifMatch, (a) => who.roles.includes('officer') && who.agencyId !== undefined && a.authorityCode === who.agencyId);
  }

  /** For the applicant who owns it. */
  forApplicant(tx: EntityManager, id: string, who: Principal, ifMatch?: string): Promise<LoadedApplication> {
    return this.load(tx, id, ifMatch, (a) => who.roles.includes('applicant') && a.applicantId === who.subject);
  }

  /** Writes the new state if nobody changed it since it was read, appends its events; returns the view with the new version. */
  async save(tx: EntityManager, loaded: LoadedApplication, outcome: Outcome<Application>): Promise<VersionedApplicationView> {
    const state = outcome.aggregate.state;
    const version = await this.applications.update(tx, state, loaded.version);
    await this.events.publish(tx, outcome.events);
    return versionedView(state, version);
  }

  private async load(tx: EntityManager, id: string, ifMatch: string | undefined, visible: (a: ApplicationState) => boolean): Promise<LoadedApplication> {
    const stored = await this.applications.get(tx, id, { lock: true });
    if (!stored || !visible(stored.doc)) throw new NotFoundError('Application', id);
    assertIfMatch({ headers: { 'if-match': ifMatch } }, stored.version, { required: false });
    return { application: Application.restore(stored.doc), version: stored.version };
  }
}
