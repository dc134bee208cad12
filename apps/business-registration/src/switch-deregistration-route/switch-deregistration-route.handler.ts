import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { DeregistrationDesk } from '../shared/deregistration-desk';
import { deregistrationView } from '../shared/deregistration-view';
import type { SwitchToOrdinaryDto } from './switch-route.dto';

/** OBJECTED → CLEARING (§10.4): the case continues on the ordinary route and asks tax for clearance again (`requested`, route ORDINARY). */
@Injectable()
export class SwitchDeregistrationRouteHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly desk: DeregistrationDesk,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(uscc: string, id: string, dto: SwitchToOrdinaryDto, who: Principal, ifMatch?: string) {
    return this.ds.transaction(async (tx) => {
      const loaded = await this.desk.forOwner(tx, uscc, id, who, ifMatch);
      const saved = await this.desk.save(tx, loaded, loaded.deregistration.switchToOrdinary(new Date()), { liquidationReportRef: dto.liquidationReportRef });
      return deregistrationView(saved.record, saved.version, this.calendar);
    });
  }
}
