import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { CALLBACK_CHANNELS, type CallbackChannel } from '@one-window/complaints/domain';

export class RecordCallbackDto {
  @ApiProperty({ enum: CALLBACK_CHANNELS }) @IsIn(CALLBACK_CHANNELS) channel: CallbackChannel;
  @ApiProperty() @IsString() @Length(1, 2000) reason: string;
}
