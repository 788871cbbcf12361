package io.wascheduler.benchmarks;

import io.wascheduler.localstack.LocalStack;
import java.time.Duration;
import java.util.Map;

/**
 * {@code ./dev bench idle-cpu [settleSeconds] [measureSeconds]} (defaults 60 and 60): a whole fresh stack with
 * nothing to do, measured after it settles. On a 2-core machine whatever the stack spends idle (consumers'
 * empty fetches, pollers, timers) is taken from every benchmark's window, so it is measured on its own.
 */
public final class IdleCpuBenchmark {

    private IdleCpuBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration settle = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 60);
        Duration measure = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 60);
        try (LocalStack stack = BenchmarkStack.start("idle-cpu", Map.of())) {
            System.out.printf("stack up; settling %d s, then measuring %d s with nothing to do%n",
                settle.toSeconds(), measure.toSeconds());
            Thread.sleep(settle);
            StackCpu cpu = StackCpu.start(stack);
            Thread.sleep(measure);
            System.out.println("idle stack: " + cpu.report());
            System.out.println(MachineInfo.describe());
        }
    }
}
