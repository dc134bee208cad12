import { Module, type DynamicModule, type FactoryProvider, type ModuleMetadata, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AuthOptions } from '../token/auth-options';
import { TokenVerifier } from '../token/token-verifier';
import { AuthGuard } from './auth.guard';

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  useFactory: FactoryProvider<AuthOptions>['useFactory'];
  inject?: FactoryProvider['inject'];
}

/**
 * Installs AuthGuard globally and exports TokenVerifier. Import once, in the app module:
 * `AuthModule.register(loadAuthOptionsFromEnv(process.env))`.
 */
@Module({})
export class AuthModule {
  static register(options: AuthOptions): DynamicModule {
    return AuthModule.build([], { provide: AUTH_OPTIONS, useValue: options });
  }

  static registerAsync(options: AuthModuleAsyncOptions): DynamicModule {
    return AuthModule.build(options.imports ?? [], {
      provide: AUTH_OPTIONS,
      useFactory: options.useFactory,
      inject: options.inject ?? [],
    });
  }

  private static build(imports: ModuleMetadata['imports'], optionsProvider: Provider<AuthOptions>): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports,
      providers: [
        optionsProvider,
        { provide: TokenVerifier, useFactory: (options: AuthOptions) => new TokenVerifier(options), inject: [AUTH_OPTIONS] },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenVerifier, AUTH_OPTIONS],
    };
  }
}
