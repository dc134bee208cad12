import { WorkingCalendar } from '@one-window/shared/calendar';
import { catchError, describeMachineExhaustively } from '@one-window/shared/state-machine/testing';
import { TAX_ACTORS } from '../shared/actors';
import { UKeyNotOwnerError, UKeyValidationError, UKeyWrongPickupError } from './errors';
import { at, OTHER_ID, SELLER_ID } from './test-fixtures';
import { UKeyIssuance, type RequestUKey } from './ukey';
import { UKEY_MACHINE } from './ukey-machine';

const calendar = WorkingCalendar.chinaMainland();

describeMachineExhaustively(UKEY_MACHINE, TAX_ACTORS);

function request(overrides: Partial<RequestUKey> = {}): UKeyIssuance {
  return UKeyIssuance.request({
    id: 'uk-1',
    taxpayerId: SELLER_ID,
    newTaxpayer: true,
    pickup: 'MAIL',
    mailingAddress: '广州市越秀区示例路1号',
    at: at('2026-03-02T10:00'),
    calendar,
    ...overrides,
  });
}

describe('UKey issuance (税控设备, §5.2 L101)', () => {
  it('mail: REQUESTED → DISPATCHED → DELIVERED → ACTIVATED, free with free mailing, tracking number at dispatch', () => {
    const requested = request();
    expect(requested.state).toMatchObject({
      status: 'REQUESTED',
      free: true,
      freeMailing: true,
      pickup: 'MAIL',
    });
    expect(requested.state.dispatchDueAt).toEqual(at('2026-03-04T00:00')); // end of Tue 3 March

    const dispatched = requested.dispatch({
      at: at('2026-03-03T15:00'),
      trackingNo: 'SF1234567890',
      carrier: 'EMS',
      actor: 'officer_service',
      by: 'o-7',
    });
    expect(dispatched.aggregate.state).toMatchObject({
      status: 'DISPATCHED',
      trackingNo: 'SF1234567890',
      carrier: 'EMS',
      dispatchedAt: at('2026-03-03T15:00'),
    });
    expect(dispatched.events).toEqual([
      {
        type: 'tax.ukey.dispatched',
        aggregateId: SELLER_ID,
        occurredAt: at('2026-03-03T15:00'),
        data: {
          issuanceId: 'uk-1',
          taxpayerId: SELLER_ID,
          trackingNo: 'SF1234567890',
          carrier: 'EMS',
          free: true,
          dueAt: at('2026-03-04T00:00').toISOString(),
          onTime: true,
        },
      },
    ]);

    const deliveredKey = dispatched.aggregate.confirmDelivery({
      at: at('2026-03-04T11:00'),
      actor: 'system',
    });
    expect(deliveredKey.state.status).toBe('DELIVERED');
    const activated = deliveredKey.activate({
      at: at('2026-03-04T14:00'),
      taxpayerId: SELLER_ID,
      deviceNo: 'TC-0001',
    });
    expect(activated.aggregate.state).toMatchObject({
      status: 'ACTIVATED',
      deviceNo: 'TC-0001',
      activatedAt: at('2026-03-04T14:00'),
    });
    expect(activated.events[0]).toMatchObject({
      type: 'tax.ukey.activated',
      aggregateId: SELLER_ID,
      data: {
        issuanceId: 'uk-1',
        pickup: 'MAIL',
        trackingNo: 'SF1234567890',
        deviceNo: 'TC-0001',
      },
    });
    expect(activated.aggregate.state.history.map((h) => [h.trigger, h.to, h.actor])).toEqual([
      ['request', 'REQUESTED', 'applicant'],
      ['dispatch', 'DISPATCHED', 'officer_service'],
      ['confirm_delivery', 'DELIVERED', 'system'],
      ['activate', 'ACTIVATED', 'applicant'],
    ]);
  });

  it('counter: REQUESTED → READY → ACTIVATED; no dispatch, no tracking number', () => {
    const requested = request({
      pickup: 'COUNTER',
      mailingAddress: undefined,
      counterOfficeId: 'GZ-YX-TAX-HALL',
    });
    expect(requested.state).toMatchObject({
      free: true,
      freeMailing: false,
      counterOfficeId: 'GZ-YX-TAX-HALL',
    });
    expect(
      catchError(() =>
        requested.dispatch({
          at: at('2026-03-02T11:00'),
          trackingNo: 'SF1234567890',
          actor: 'system',
        }),
      ),
    ).toBeInstanceOf(UKeyWrongPickupError);
    const ready = requested.makeReady({
      at: at('2026-03-02T16:00'),
      officerId: 'o-1',
    });
    expect(ready.state.status).toBe('READY');
    const { aggregate, events } = ready.activate({
      at: at('2026-03-03T09:30'),
      taxpayerId: SELLER_ID,
      deviceNo: 'TC-0002',
    });
    expect(aggregate.state.status).toBe('ACTIVATED');
    expect(events[0].data).toMatchObject({
      pickup: 'COUNTER',
      trackingNo: null,
    });
    expect(catchError(() => request().makeReady({ at: at('2026-03-02T16:00'), officerId: 'o-1' }))).toBeInstanceOf(UKeyWrongPickupError);
  });

  it('not free for an existing taxpayer', () => {
    expect(request({ newTaxpayer: false }).state).toMatchObject({
      free: false,
      freeMailing: false,
    });
  });

  it('dispatch within 1 WD across the 2026 National Day holiday: requested 30 Sep, due end of 8 Oct', () => {
    for (let d = 1; d <= 7; d++) expect(calendar.isWorkingDay(`2026-10-0${d}`)).toBe(false);
    expect(calendar.isWorkingDay('2026-09-30')).toBe(true);
    expect(calendar.nextWorkingDay('2026-09-30').toString()).toBe('2026-10-08');

    const requested = request({ at: at('2026-09-30T16:00') });
    expect(requested.state.dispatchDueAt).toEqual(calendar.dueAtEndOfDay('2026-10-08'));
    expect(requested.state.dispatchDueAt).toEqual(at('2026-10-09T00:00'));
    expect(requested.isDispatchOverdue(at('2026-10-07T12:00'))).toBe(false);
    expect(requested.isDispatchOverdue(at('2026-10-08T23:59'))).toBe(false);
    expect(requested.isDispatchOverdue(at('2026-10-09T00:00'))).toBe(true);

    const onTime = requested.dispatch({
      at: at('2026-10-08T17:00'),
      trackingNo: 'EMS-000111',
      actor: 'system',
    });
    expect(onTime.events[0].data).toMatchObject({
      onTime: true,
      dueAt: '2026-10-08T16:00:00.000Z',
    });
    const late = requested.dispatch({
      at: at('2026-10-09T09:00'),
      trackingNo: 'EMS-000111',
      actor: 'system',
    });
    expect(late.events[0].data).toMatchObject({ onTime: false });
    expect(onTime.aggregate.isDispatchOverdue(at('2026-10-20T00:00'))).toBe(false);
  });

  it('the limit is configurable [cfg]', () => {
    expect(
      request({
        at: at('2026-09-30T16:00'),
        policy: { dispatchWorkingDays: 2 },
      }).state.dispatchDueAt,
    ).toEqual(at('2026-10-10T00:00'));
  });

  it('names bad fields; only the owner activates; a tracking number is required', () => {
    const error = catchError(() => request({ id: '', taxpayerId: 'x', pickup: 'MAIL', mailingAddress: ' ' })) as UKeyValidationError;
    expect(error.code).toBe('tax.ukey.invalid');
    expect(error.issues.map((i) => i.field)).toEqual(['id', 'taxpayerId', 'mailingAddress']);
    expect((catchError(() => request({ pickup: 'COUNTER', mailingAddress: undefined })) as UKeyValidationError).issues.map((i) => i.field)).toEqual([
      'counterOfficeId',
    ]);
    expect((catchError(() => request({ pickup: 'DRONE' as never })) as UKeyValidationError).issues.map((i) => i.field)).toEqual(['pickup']);
    expect(
      catchError(() =>
        request().dispatch({
          at: at('2026-03-02T11:00'),
          trackingNo: ' ',
          actor: 'system',
        }),
      ),
    ).toBeInstanceOf(UKeyValidationError);
    const deliveredKey = request()
      .dispatch({
        at: at('2026-03-02T11:00'),
        trackingNo: 'SF1234567890',
        actor: 'system',
      })
      .aggregate.confirmDelivery({
        at: at('2026-03-03T11:00'),
        actor: 'applicant',
      });
    expect(
      catchError(() =>
        deliveredKey.activate({
          at: at('2026-03-03T12:00'),
          taxpayerId: OTHER_ID,
          deviceNo: 'TC-1',
        }),
      ),
    ).toBeInstanceOf(UKeyNotOwnerError);
    expect(
      catchError(() =>
        deliveredKey.activate({
          at: at('2026-03-03T12:00'),
          taxpayerId: SELLER_ID,
          deviceNo: '',
        }),
      ),
    ).toBeInstanceOf(UKeyValidationError);
    expect(
      catchError(() =>
        request().activate({
          at: at('2026-03-03T12:00'),
          taxpayerId: SELLER_ID,
          deviceNo: 'TC-1',
        }),
      ),
    ).toMatchObject({
      code: 'tax.transition.not_allowed',
    });
  });
});
