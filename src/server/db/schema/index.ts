export * from './auth';
export * from './audit';
export * from './throttle';
export * from './whapi';
