import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '@one-window/shared/auth';
import type { ServiceDefinition } from './service-definition';
import { SNAPSHOT_SOURCES, SERVICE_DEFINITION } from './tokens';
import { Snapshot, SnapshotSource, takeSnapshot } from './snapshots';

/** Current state with the stream position it reflects, so a new integrator can bootstrap, then follow. */
@ApiTags('event stream')
@Controller('snapshots')
@Roles('integrator', 'admin')
export class SnapshotsController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_DEFINITION) private readonly def: ServiceDefinition,
    @Inject(SNAPSHOT_SOURCES) private readonly sources: SnapshotSource[],
  ) {}

  @Get()
  @ApiOperation({ summary: 'The snapshots this service offers' })
  list() {
    return { topic: this.def.topic, items: this.sources.map((s) => ({ name: s.name, description: s.description })) };
  }

  @Get(':name')
  @ApiOperation({ summary: 'One consistent snapshot: items plus the per-partition stream position they reflect' })
  @ApiOkResponse({ description: 'Snapshot' })
  async take(@Param('name') name: string): Promise<Snapshot> {
    const source = this.sources.find((s) => s.name === name);
    if (!source) throw new NotFoundException(`no snapshot "${name}"; see GET snapshots`);
    return this.dataSource.transaction('REPEATABLE READ', (tx) => takeSnapshot(tx, this.def.name, this.def.topic, source));
  }
}
