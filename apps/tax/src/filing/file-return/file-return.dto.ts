import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { ReturnContentDto } from '../shared/return-lines.dto';

export class FileReturnDto extends ReturnContentDto {
  @ApiProperty({ example: '26Q4-VAT', description: 'As read from GET obligations (opaque)' }) @IsString() @Length(1, 64) periodKey: string;
}
