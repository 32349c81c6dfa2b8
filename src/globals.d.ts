/** Set by vite.config.ts at build time: true only in builds made for the measuring scripts. */
declare const __GATESCOPE_DEBUG_BUILD__: boolean;
