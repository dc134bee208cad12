import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, Length, ValidateNested } from 'class-validator';
import { CallbackDto } from '../reopen-for-rehandling/reopen-for-rehandling.dto';

export class CloseWithoutRehandlingDto {
  @ApiProperty({ type: CallbackDto }) @ValidateNested() @Type(() => CallbackDto) callback: CallbackDto;
  @ApiProperty() @IsString() @Length(1, 2000) reason: string;
}
