export * from './model.ts';
export * from './ops.ts';
export * from './outcome.ts';
export * from './reducer.ts';
export * from './views.ts';
export * from './ticket.ts';
export * from './flights.ts';
export * from './wire.ts';
