import { Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '@one-window/shared/auth';
import { DeadLetters, InboxConsumer } from '@one-window/shared/messaging';
import { CONSUMERS } from './tokens';

/**
 * Operators' view of what this service's consumers could not handle, and replay after a fix.
 * Replay runs the event through the consumer's normal path (schema, inbox, handler, retries).
 */
@ApiTags('operations')
@Controller('admin/dead-letters')
@Roles('admin')
export class DeadLettersController {
  private readonly deadLetters: DeadLetters;

  constructor(dataSource: DataSource, @Inject(CONSUMERS) consumers: InboxConsumer[]) {
    this.deadLetters = new DeadLetters(dataSource, consumers);
  }

  @Get()
  @ApiOperation({ summary: 'List dead letters' })
  @ApiQuery({ name: 'status', required: false, enum: ['pending', 'replayed', 'discarded'] })
  @ApiQuery({ name: 'consumerGroup', required: false })
  @ApiOkResponse({ description: 'Dead letters, oldest first' })
  async list(@Query('status') status?: 'pending' | 'replayed' | 'discarded', @Query('consumerGroup') consumerGroup?: string) {
    return { items: await this.deadLetters.list({ status, consumerGroup }) };
  }

  @Post(':id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replay one dead letter through its consumer' })
  async replay(@Param('id') id: string) {
    if (!/^\d+$/.test(id)) throw new NotFoundException(`no pending dead letter ${id}`);
    const result = await this.deadLetters.replay(id);
    if (result.outcome === 'not-found') throw new NotFoundException(`no pending dead letter ${id}`);
    return result;
  }

  @Post('replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replay every pending dead letter (optionally of one consumer group)' })
  @ApiQuery({ name: 'consumerGroup', required: false })
  async replayAll(@Query('consumerGroup') consumerGroup?: string) {
    return { results: await this.deadLetters.replayAll(consumerGroup) };
  }
}
