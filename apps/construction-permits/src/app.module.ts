import { Module } from '@nestjs/common';

/** The construction-permits service's own controllers and use cases; the platform supplies the rest. */
@Module({})
export class AppModule {}
