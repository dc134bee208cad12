import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NameIndex, nameCheckView } from '../shared/name-index';
import type { NameCheckDto } from './name-check.dto';

/** The stateless self-check (§2.1): reads the name index, writes nothing. */
@Injectable()
export class CheckNameHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly names: NameIndex,
  ) {}

  async execute(dto: NameCheckDto) {
    const result = await this.names.check(this.ds.manager, {
      name: dto.name,
      entityType: dto.entityType,
      authorityCode: dto.authorityCode,
      ...(dto.domicileDivisionCode ? { domicileDivisionCode: dto.domicileDivisionCode } : {}),
      ...(dto.restrictedWordApproved !== undefined ? { restrictedWordApproved: dto.restrictedWordApproved } : {}),
    });
    return nameCheckView(result);
  }
}
