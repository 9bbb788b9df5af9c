import Mocha from 'mocha';

const { EVENT_RUN_END } = Mocha.Runner.constants;

/** The spec reporter, plus one plain closing line ("N passed, N failed, N skipped") that CI systems read. */
export default class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
      process.stdout.write(`\ntests: ${passes} passed, ${failures} failed, ${pending} skipped\n`);
    });
  }
}
