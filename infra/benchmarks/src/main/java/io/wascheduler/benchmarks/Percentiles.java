package io.wascheduler.benchmarks;

import org.HdrHistogram.Histogram;

/** Latency figures in one format for every benchmark. */
public final class Percentiles {

    private Percentiles() {
    }

    /** A histogram of millisecond values from 0 to one hour, three significant digits. */
    public static Histogram millisecondHistogram() {
        return new Histogram(3_600_000L, 3);
    }

    public static String summary(String what, Histogram millis) {
        return String.format("%s: count %d, p50 %d ms, p90 %d ms, p99 %d ms, p99.9 %d ms, max %d ms", what,
            millis.getTotalCount(), millis.getValueAtPercentile(50), millis.getValueAtPercentile(90),
            millis.getValueAtPercentile(99), millis.getValueAtPercentile(99.9), millis.getMaxValue());
    }
}
