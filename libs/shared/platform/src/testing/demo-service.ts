/**
 * A small service built on the platform, only for the platform's own integration test: widgets are
 * created over HTTP (validated body, Idempotency-Key), each creation appends an event through the
 * outbox, a consumer counts them, and a snapshot lists them.
 */
import { Body, Controller, HttpCode, Injectable, Module, Post } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { DomainError } from '@one-window/shared/http';
import { defineEvent, Outbox } from '@one-window/shared/messaging';
import { Timers } from '@one-window/shared/scheduling';
import type { ServiceDefinition } from '../service-definition';

export const widgetCreated = (topic: string) =>
  defineEvent<{ widgetId: string; name: string; size: number }>({
    name: 'demo.widget.created',
    version: 1,
    topic,
    summary: 'A widget was created.',
    schema: { type: 'object', required: ['widgetId', 'name', 'size'], properties: { widgetId: { type: 'string' }, name: { type: 'string' }, size: { type: 'integer' } } },
    example: { widgetId: 'w-1', name: 'first', size: 1 },
  });

class CreateWidgets1800000000000 implements MigrationInterface {
  name = 'CreateWidgets1800000000000';
  async up(q: QueryRunner) {
    await q.query(`CREATE TABLE widget (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL UNIQUE, size int NOT NULL, owner text NOT NULL)`);
    await q.query(`CREATE TABLE widget_count (id int PRIMARY KEY, n int NOT NULL)`);
    await q.query(`INSERT INTO widget_count VALUES (1, 0)`);
    await q.query(`CREATE TABLE widget_review (widget_id uuid PRIMARY KEY, reviewed_at timestamptz NOT NULL)`);
  }
  async down(q: QueryRunner) {
    await q.query(`DROP TABLE widget; DROP TABLE widget_count; DROP TABLE widget_review`);
  }
}

class CreateWidgetDto {
  @ApiProperty() @IsString() @Length(1, 40) name: string;
  @ApiProperty() @IsInt() @Min(1) @Max(100) size: number;
}

class TransferDto {
  @ApiProperty() @IsString() @Length(1, 40) from: string;
  @ApiProperty() @IsString() @Length(1, 40) to: string;
  @ApiProperty() @IsInt() @Min(1) @Max(100) amount: number;
  @ApiProperty({ description: 'Hold the first lock this long before taking the second (lets a test cross two transfers)' })
  @IsInt()
  @Min(0)
  @Max(2000)
  holdMs: number;
}

class WidgetNameTaken extends DomainError {
  readonly code = 'demo.widget_name_taken';
}

export function demoService(topic: string) {
  const WidgetCreated = widgetCreated(topic);

  @Injectable()
  class WidgetCounter {
    async count(tx: EntityManager) {
      await tx.query(`UPDATE widget_count SET n = n + 1 WHERE id = 1`);
    }
  }

  @Controller('widgets')
  class WidgetsController {
    constructor(
      private readonly ds: DataSource,
      private readonly outbox: Outbox,
      private readonly timers: Timers,
    ) {}

    @Post()
    @HttpCode(201)
    @Roles('applicant')
    async create(@Body() body: CreateWidgetDto, @CurrentPrincipal() who: Principal) {
      return this.ds.transaction(async (tx) => {
        const taken = await tx.query(`SELECT 1 FROM widget WHERE name = $1`, [body.name]);
        if (taken.length) throw new WidgetNameTaken(`a widget named ${body.name} exists`);
        const [w] = await tx.query(`INSERT INTO widget (name, size, owner) VALUES ($1, $2, $3) RETURNING id`, [body.name, body.size, who.subject]);
        await this.outbox.append(tx, WidgetCreated, { aggregateId: w.id, data: { widgetId: w.id, name: body.name, size: body.size } });
        await this.timers.schedule(tx, { kind: 'demo.widget.review_due', key: w.id, dueAt: new Date(Date.now() + 300) });
        return { id: w.id, name: body.name, size: body.size };
      });
    }

    /** Moves size from one widget to another, locking `from` first: two opposite transfers can deadlock. */
    @Post('transfers')
    @HttpCode(201)
    @Roles('applicant')
    async transfer(@Body() body: TransferDto) {
      return this.ds.transaction(async (tx) => {
        await tx.query(`UPDATE widget SET size = size - $2 WHERE name = $1`, [body.from, body.amount]);
        await tx.query(`SELECT pg_sleep($1::float / 1000)`, [body.holdMs]);
        await tx.query(`UPDATE widget SET size = size + $2 WHERE name = $1`, [body.to, body.amount]);
        return { ok: true };
      });
    }
  }

  @Module({ controllers: [WidgetsController], providers: [WidgetCounter] })
  class DemoModule {}

  const definition: ServiceDefinition = {
    name: 'demo',
    title: 'Demo',
    topic,
    publishes: [WidgetCreated],
    entities: [],
    migrations: [CreateWidgets1800000000000],
    problemTypes: { 'demo.widget_name_taken': { status: 409, title: 'Widget name taken', type: 'widget-name-taken' } },
    consumers: [
      {
        groupId: `${topic}.counter`,
        topics: [topic],
        events: [WidgetCreated],
        handlers: (get) => ({ [WidgetCreated.type]: (_e, tx) => get(WidgetCounter).count(tx) }),
      },
    ],
    timers: () => ({
      'demo.widget.review_due': async (timer, tx) => {
        await tx.query(`INSERT INTO widget_review (widget_id, reviewed_at) VALUES ($1, now())`, [timer.key]);
      },
    }),
    snapshots: () => [{ name: 'widgets', description: 'All widgets', read: (tx) => tx.query(`SELECT id, name, size FROM widget ORDER BY name`) }],
  };
  return { definition, module: DemoModule, WidgetCreated };
}
