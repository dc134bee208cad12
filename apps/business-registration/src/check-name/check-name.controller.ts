import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Public } from '@one-window/shared/auth';
import { CheckNameHandler } from './check-name.handler';
import { NameCheckDto } from './name-check.dto';

@Controller('names')
export class CheckNameController {
  constructor(private readonly handler: CheckNameHandler) {}

  @ApiOperation({ summary: 'Name self-check (名称自主申报): PASS / WARN / BLOCK with a code per reason. Public and stateless.' })
  @Post('check')
  @HttpCode(200)
  @Public()
  check(@Body() body: NameCheckDto) {
    return this.handler.execute(body);
  }
}
