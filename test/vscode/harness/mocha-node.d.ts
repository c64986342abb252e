/** Runs mocha in VS Code's Node extension host; `loadTests` requires the test modules. Rejects when a test fails. */
export declare function runMocha(loadTests: () => void, options?: Mocha.MochaOptions): Promise<void>;
