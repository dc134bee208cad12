import { Controller, Get } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY, Public } from './public.decorator';

@Controller()
class ProbeController {
  @Public()
  @Get('open')
  open() {
    return 'open';
  }

  @Get('closed')
  closed() {
    return 'closed';
  }
}

describe('@Public()', () => {
  it('sets the isPublic metadata the auth guard reads', () => {
    const reflector = new Reflector();
    expect(IS_PUBLIC_KEY).toBe('isPublic');
    expect(reflector.get(IS_PUBLIC_KEY, ProbeController.prototype.open)).toBe(true);
    expect(reflector.get(IS_PUBLIC_KEY, ProbeController.prototype.closed)).toBeUndefined();
  });
});
