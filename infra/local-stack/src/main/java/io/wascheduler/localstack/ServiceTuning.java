package io.wascheduler.localstack;

import java.util.List;
import java.util.Map;

/**
 * How the service JVMs run beyond their wiring: JVM options for every service, and extra settings per
 * service name (for example a benchmark's larger throughput or quieter webhooks). The default favours a
 * quick start on a small machine; a benchmark wants full JIT compilation instead.
 */
public record ServiceTuning(List<String> jvmOptions, Map<String, Map<String, String>> settingsByService) {

    /** Quick start: C1 only, a small serial heap. */
    public static final ServiceTuning QUICK_START =
        new ServiceTuning(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), Map.of());

    public ServiceTuning {
        jvmOptions = List.copyOf(jvmOptions);
        settingsByService = Map.copyOf(settingsByService);
    }

    Map<String, String> settingsFor(String service) {
        return settingsByService.getOrDefault(service, Map.of());
    }
}
