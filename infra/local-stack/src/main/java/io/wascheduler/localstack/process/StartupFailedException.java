package io.wascheduler.localstack.process;

/** The stack could not start; the message says which part and, where there is one, shows the end of its log. */
public final class StartupFailedException extends RuntimeException {

    static final int LOG_LINES = 40;

    public StartupFailedException(String message) {
        super(message);
    }

    /** {@code problem}, followed by the last lines of the log of the process it is about. */
    public static StartupFailedException withLog(String problem, ManagedProcess process) {
        return new StartupFailedException(problem + System.lineSeparator() + logSection(process));
    }

    static String logSection(ManagedProcess process) {
        return "--- last lines of " + process.logFile() + " ---" + System.lineSeparator() + process.logTail(LOG_LINES);
    }
}
