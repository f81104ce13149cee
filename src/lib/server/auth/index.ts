export * from './cookie';
export * from './guard';
export * from './password';
export * from './session';
export * from './sign-in';
export * from './tokens';
