package care.messaging.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** How the benchmarks measure and print: key=value lines, medians, ratios to a limit measured in the same run. */
public final class Report {

    private Report() {
    }

    public interface Measurement {
        double run() throws Exception;
    }

    /** One unreported warm-up run, then n measured ones. */
    public static List<Double> repeat(int n, Measurement measurement) throws Exception {
        measurement.run();
        var runs = new ArrayList<Double>();
        for (int i = 0; i < n; i++) {
            runs.add(measurement.run());
        }
        return runs;
    }

    public static double median(List<Double> values) {
        var sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    public static String fmt(List<Double> values) {
        return Arrays.toString(values.stream().map(Report::ms).toArray());
    }

    public static Histogram histogram() {
        return new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
    }

    public static Double limit(String name) {
        var value = System.getProperty("bench.limit." + name, "");
        try {
            return value.isBlank() ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static String ratio(double value, double limit) {
        return Double.isNaN(value) || Double.isNaN(limit) || limit == 0 ? "unknown" : String.format("%.3f", value / limit);
    }

    public static String ms(double millis) {
        return Double.isNaN(millis) ? "none" : millis < 10 ? String.format("%.2f", millis) : String.format("%.1f", millis);
    }

    public static double seconds(long nanos) {
        return nanos / 1e9;
    }

    public static double millis(long nanos) {
        return nanos / 1e6;
    }

    public static void print(String key, Object value) {
        print(key, value, null);
    }

    public static void print(String key, Object value, String note) {
        System.out.println(note == null ? key + "=" + value : key + "=" + value + "   (" + note + ")");
        System.out.flush();
    }

    public static void note(String format, Object... args) {
        System.out.println(String.format(format, args));
        System.out.flush();
    }

    @SafeVarargs
    public static <T> List<T> concat(List<T>... lists) {
        var all = new ArrayList<T>();
        for (var list : lists) {
            all.addAll(list);
        }
        return all;
    }

    /** The machine's 1-minute load average and its runnable/total tasks (/proc/loadavg), to tell a noisy run. */
    public static String load() {
        try {
            var fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " (" + fields[3] + " runnable/tasks)";
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    public static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
