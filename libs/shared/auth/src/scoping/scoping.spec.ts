import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { Principal } from '../principal';
import { ROLES } from '../roles';
import { assertVisible, canSee, scopeFilter } from './scoping';
import { ROLE_VISIBILITY, visibilityOf } from './visibility';

const applicant: Principal = { subject: 'applicant-1', roles: ['applicant'] };
const otherApplicant: Principal = { subject: 'applicant-2', roles: ['applicant'] };
const officerA: Principal = { subject: 'officer-1', roles: ['officer'], agencyId: 'SAMR-GZ' };
const officerB: Principal = { subject: 'officer-2', roles: ['officer'], agencyId: 'TAX-GZ' };
const admin: Principal = { subject: 'admin-1', roles: ['admin'] };
const integrator: Principal = { subject: 'erp-connector', roles: ['integrator'] };

const applicationOfApplicant1AtSamr = { id: 'app-1', ownerId: 'applicant-1', agencyId: 'SAMR-GZ' };
const applicationOfApplicant2AtTax = { id: 'app-2', ownerId: 'applicant-2', agencyId: 'TAX-GZ' };

function notFound(run: () => void): NotFoundException {
  try {
    run();
  } catch (error) {
    if (error instanceof NotFoundException) return error;
    throw error;
  }
  throw new Error('no exception');
}

describe('data scoping', () => {
  describe('applicant', () => {
    it('sees its own application', () => {
      expect(canSee(applicant, applicationOfApplicant1AtSamr)).toBe(true);
      expect(() => assertVisible(applicant, applicationOfApplicant1AtSamr)).not.toThrow();
      expect(scopeFilter(applicant)).toEqual({ ownerId: 'applicant-1' });
    });

    it("gets 404 (never 403) for another applicant's application", () => {
      expect(canSee(applicant, applicationOfApplicant2AtTax)).toBe(false);
      const error = notFound(() => assertVisible(applicant, applicationOfApplicant2AtTax));
      expect(error.getStatus()).toBe(404);
      expect(canSee(otherApplicant, applicationOfApplicant1AtSamr)).toBe(false);
    });

    it('does not see a resource without owner', () => {
      expect(canSee(applicant, { agencyId: 'SAMR-GZ' })).toBe(false);
    });
  });

  describe('officer', () => {
    it("sees its agency's applications, whoever owns them", () => {
      expect(canSee(officerA, applicationOfApplicant1AtSamr)).toBe(true);
      expect(scopeFilter(officerA)).toEqual({ agencyId: 'SAMR-GZ' });
    });

    it("of agency A does not see agency B's", () => {
      expect(canSee(officerA, applicationOfApplicant2AtTax)).toBe(false);
      expect(canSee(officerB, applicationOfApplicant1AtSamr)).toBe(false);
      expect(notFound(() => assertVisible(officerA, applicationOfApplicant2AtTax)).getStatus()).toBe(404);
    });

    it('sees nothing when its principal lacks an agency (hand-built principal)', () => {
      const broken: Principal = { subject: 'o', roles: ['officer'] };
      expect(canSee(broken, { agencyId: undefined })).toBe(false);
      expect(() => scopeFilter(broken)).toThrow(ForbiddenException);
    });
  });

  it('admin sees everything and lists unfiltered', () => {
    expect(canSee(admin, applicationOfApplicant1AtSamr)).toBe(true);
    expect(canSee(admin, applicationOfApplicant2AtTax)).toBe(true);
    expect(canSee(admin, {})).toBe(true);
    expect(scopeFilter(admin)).toEqual({});
  });

  it('integrator sees nothing personal and may not list', () => {
    expect(canSee(integrator, applicationOfApplicant1AtSamr)).toBe(false);
    expect(() => scopeFilter(integrator)).toThrow(new ForbiddenException('Your roles give no access to these records'));
  });

  it('assertVisible turns a missing record into 404 too', () => {
    expect(notFound(() => assertVisible(admin, null)).getStatus()).toBe(404);
    expect(notFound(() => assertVisible(admin, undefined)).getStatus()).toBe(404);
  });

  it('court is scoped to its agency; administrator to what it owns; hotline-agent and integrator to nothing', () => {
    const court: Principal = { subject: 'judge-1', roles: ['court'], agencyId: 'GZ-COURT' };
    const administrator: Principal = { subject: 'firm-7', roles: ['administrator'] };
    const hotline: Principal = { subject: 'agent-3', roles: ['hotline-agent'] };
    const supervisor: Principal = { subject: 'sup-1', roles: ['supervisor'] };
    expect(scopeFilter(court)).toEqual({ agencyId: 'GZ-COURT' });
    expect(scopeFilter(administrator)).toEqual({ ownerId: 'firm-7' });
    expect(scopeFilter(supervisor)).toEqual({});
    expect(() => scopeFilter(hotline)).toThrow(ForbiddenException);
    expect(() => scopeFilter({ subject: 'c', roles: ['court'] })).toThrow(ForbiddenException);
  });

  it('gives a multi-role principal its broadest rule, the same for canSee and scopeFilter', () => {
    const officerAndApplicant: Principal = { subject: 'officer-1', roles: ['applicant', 'officer'], agencyId: 'SAMR-GZ' };
    expect(visibilityOf(officerAndApplicant)).toEqual({ rule: 'agency', agencyId: 'SAMR-GZ' });
    expect(scopeFilter(officerAndApplicant)).toEqual({ agencyId: 'SAMR-GZ' });
    expect(canSee(officerAndApplicant, { ownerId: 'officer-1', agencyId: 'TAX-GZ' })).toBe(false);
    expect(scopeFilter({ subject: 'x', roles: ['integrator', 'admin'] })).toEqual({});
  });

  it('has a rule for every role', () => {
    expect(Object.keys(ROLE_VISIBILITY).sort()).toEqual([...ROLES].sort());
  });
});
