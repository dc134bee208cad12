import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsString, Length, ValidateNested } from 'class-validator';
import { CALLBACK_CHANNELS, type CallbackChannel } from '@one-window/complaints/domain';

export class CallbackDto {
  @ApiProperty({ enum: CALLBACK_CHANNELS }) @IsIn(CALLBACK_CHANNELS) channel: CallbackChannel;
  @ApiProperty({ description: 'What the caller said on the callback' }) @IsString() @Length(1, 2000) reason: string;
}

export class ReopenForRehandlingDto {
  @ApiProperty({ type: CallbackDto }) @ValidateNested() @Type(() => CallbackDto) callback: CallbackDto;
}
