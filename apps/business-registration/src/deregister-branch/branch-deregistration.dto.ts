import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/** The parent's application to deregister one of its branches (分支机构注销). */
export class BranchDeregistrationDto {
  @ApiPropertyOptional({ description: 'Why the branch closes (kept on the record)', example: '门店撤并' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}
