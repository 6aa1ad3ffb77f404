export * from './blocks.ts';
export * from './field.ts';
export * from './form-state.ts';
export { formStyles } from './form.styles.ts';
export * from './kiosk.ts';
export * from './paths.ts';
