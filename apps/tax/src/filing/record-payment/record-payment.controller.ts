import { Body, Controller, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ProblemCodeInterceptor } from '../shared/problem-code.interceptor';
import { RecordPaymentDto } from './record-payment.dto';
import { RecordPaymentHandler } from './record-payment.handler';

@Controller('taxpayers/:taxpayerId/payments')
@UseInterceptors(ProblemCodeInterceptor)
export class RecordPaymentController {
  constructor(private readonly handler: RecordPaymentHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('integrator', 'officer')
  @ApiOperation({
    summary:
      'Record a payment that reached the treasury against a liability: the treasury system (integrator) or an officer of the taxpayer’s bureau (counter payments); ' +
      'above outstanding 409; same paymentId again changes nothing',
  })
  record(@Param('taxpayerId') taxpayerId: string, @Body() body: RecordPaymentDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(taxpayerId, body, who);
  }
}
