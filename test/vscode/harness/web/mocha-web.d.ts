/** Runs mocha (browser build) in VS Code's web worker extension host; `loadTests` requires the test modules. */
export declare function runMocha(loadTests: () => void, options?: Mocha.MochaOptions): Promise<void>;
