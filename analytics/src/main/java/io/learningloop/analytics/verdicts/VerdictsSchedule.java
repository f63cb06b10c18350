package io.learningloop.analytics.verdicts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.learningloop.projection.elasticsearch.IndexTemplates;
import io.learningloop.projection.elasticsearch.Indices;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Installs the templates of the verdict indices, then runs the writer right after the start and every
 * {@code refresh} after the previous run ended (fixed delay: runs never overlap). A failed run is logged
 * and counted; the next one tries again.
 */
@Component
@EnableConfigurationProperties(VerdictsProperties.class)
class VerdictsSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VerdictsSchedule.class);

    private final VerdictsWriter writer;
    private final VerdictsProperties properties;
    private final ElasticsearchClient client;
    private final Indices indices;
    private volatile ScheduledExecutorService executor;
    private volatile boolean running;

    VerdictsSchedule(
            VerdictsWriter writer, VerdictsProperties properties, ElasticsearchClient client, Indices indices) {
        this.writer = writer;
        this.properties = properties;
        this.client = client;
        this.indices = indices;
    }

    @Override
    public void start() {
        // Created up front also when the schedule is off, so Kibana's data views find an (empty) index.
        IndexTemplates.install(client, indices, List.of(indices.reviews(), indices.relearning()));
        if (!properties.enabled()) {
            log.info("verdict indices: schedule disabled (learning-loop.verdicts.refresh = 0)");
            running = true;
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "verdicts");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runOnce, 0, properties.refresh().toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    private void runOnce() {
        try {
            writer.run();
        } catch (Exception e) { // never let one failure end the schedule
            log.warn("verdict indices: run failed, next in {}", properties.refresh(), e);
        }
    }

    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService scheduled = executor;
        executor = null;
        if (scheduled != null) {
            scheduled.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
