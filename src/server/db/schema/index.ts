export * from './auth';
export * from './audit';
export * from './throttle';
export * from './whapi';
export * from './plans';
export * from './leads';
export * from './notifications';
export * from './payments';
