package io.learningloop.projection;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * What the projection's Kafka consumer says about itself, for health and metrics: its lag, its
 * partitions, and how long ago it last reached the group coordinator. Read from the consumer's own
 * metrics, which (unlike the consumer) may be read from any thread.
 */
public final class ConsumerState {

    /** Kafka metric values for "not measured yet" are NaN or -Infinity; those read as this. */
    public static final double UNKNOWN = Double.NaN;

    private final Consumer<?, ?> consumer;

    ConsumerState(Consumer<?, ?> consumer) {
        this.consumer = consumer;
    }

    /**
     * Micrometer looks for new Kafka metrics once a minute, but the lag metrics only come into being
     * after the first partition assignment: without this they were missing for the first ~60 s after
     * every start. Its scheduler is asked for a fixed-rate refresh; this one runs it every 5 s.
     */
    static void bindTo(Consumer<?, ?> consumer, MeterRegistry meters) {
        var everyFewSeconds =
                new ScheduledThreadPoolExecutor(1, task -> {
                    Thread thread = new Thread(task, "kafka-metrics-refresh");
                    thread.setDaemon(true);
                    return thread;
                }) {
                    @Override
                    public ScheduledFuture<?> scheduleAtFixedRate(
                            Runnable command, long initialDelay, long period, TimeUnit unit) {
                        return super.scheduleAtFixedRate(command, 1, 5, TimeUnit.SECONDS);
                    }
                };
        new KafkaClientMetrics(consumer, List.of(), everyFewSeconds).bindTo(meters);
    }

    /** The highest lag of any assigned partition over the last sample window, in records. */
    public double recordsLagMax() {
        return value("consumer-fetch-manager-metrics", "records-lag-max");
    }

    public double assignedPartitions() {
        return value("consumer-coordinator-metrics", "assigned-partitions");
    }

    /** Grows while the broker is unreachable: heartbeats go to the group coordinator every few seconds. */
    public double secondsSinceHeartbeat() {
        return value("consumer-coordinator-metrics", "last-heartbeat-seconds-ago");
    }

    private double value(String group, String name) {
        for (Map.Entry<MetricName, ? extends Metric> metric : consumer.metrics().entrySet()) {
            MetricName id = metric.getKey();
            if (id.group().equals(group) && id.name().equals(name) && !id.tags().containsKey("topic")) {
                Object value = metric.getValue().metricValue();
                if (value instanceof Double number && Double.isFinite(number)) {
                    return number;
                }
                return UNKNOWN;
            }
        }
        return UNKNOWN;
    }
}
