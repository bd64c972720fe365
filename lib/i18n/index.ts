/** The interface's languages: see translator.ts (the lookup), catalog.ts (the format) and languages.ts (the choice). */
export * from './translator';
export * from './languages';
