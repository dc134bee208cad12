import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ActivateUKeyDto, DispatchUKeyDto, OrderUKeyDto } from './ukey.dto';
import { UKeyHandler } from './ukey.handler';

@Controller('taxpayers/:taxpayerId/ukey-orders')
export class UKeyController {
  constructor(private readonly handler: UKeyHandler) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Order the tax UKey (free for a new taxpayer), by mail or at a counter; dispatch is due within 1 working day. One open order at a time.' })
  @Roles('applicant')
  order(@Param('taxpayerId') taxpayerId: string, @Body() body: OrderUKeyDto, @CurrentPrincipal() who: Principal) {
    return this.handler.order(taxpayerId, body, who);
  }

  @Get()
  @ApiOperation({ summary: "The taxpayer's UKey orders with status and dispatch clock" })
  @Roles('applicant', 'officer', 'supervisor', 'admin')
  list(@Param('taxpayerId') taxpayerId: string, @CurrentPrincipal() who: Principal) {
    return this.handler.list(taxpayerId, who);
  }

  @Get(':orderId')
  @ApiOperation({ summary: 'A UKey order with its status and the 1-working-day dispatch clock' })
  @Roles('applicant', 'officer', 'supervisor', 'admin')
  get(@Param('taxpayerId') taxpayerId: string, @Param('orderId') orderId: string, @CurrentPrincipal() who: Principal) {
    return this.handler.get(taxpayerId, orderId, who);
  }

  @Post(':orderId/dispatch')
  @HttpCode(200)
  @ApiOperation({ summary: "Mail the UKey with its tracking number: an officer of the taxpayer's bureau" })
  @Roles('officer')
  dispatch(@Param('taxpayerId') taxpayerId: string, @Param('orderId') orderId: string, @Body() body: DispatchUKeyDto, @CurrentPrincipal() who: Principal) {
    return this.handler.dispatch(taxpayerId, orderId, body, who);
  }

  @Post(':orderId/ready')
  @HttpCode(200)
  @ApiOperation({ summary: "Counter pickup: the UKey is ready at the office (an officer of the taxpayer's bureau)" })
  @Roles('officer')
  ready(@Param('taxpayerId') taxpayerId: string, @Param('orderId') orderId: string, @CurrentPrincipal() who: Principal) {
    return this.handler.ready(taxpayerId, orderId, who);
  }

  @Post(':orderId/delivery-confirmation')
  @HttpCode(200)
  @ApiOperation({ summary: 'The taxpayer confirms it received the mailed UKey' })
  @Roles('applicant')
  confirmDelivery(@Param('taxpayerId') taxpayerId: string, @Param('orderId') orderId: string, @CurrentPrincipal() who: Principal) {
    return this.handler.confirmDelivery(taxpayerId, orderId, who);
  }

  @Post(':orderId/activation')
  @HttpCode(200)
  @ApiOperation({ summary: 'The taxpayer activates its UKey' })
  @Roles('applicant')
  activate(@Param('taxpayerId') taxpayerId: string, @Param('orderId') orderId: string, @Body() body: ActivateUKeyDto, @CurrentPrincipal() who: Principal) {
    return this.handler.activate(taxpayerId, orderId, body, who);
  }
}
